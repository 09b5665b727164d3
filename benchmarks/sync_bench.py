"""Time sync against a real FreshRSS on 127.0.0.1, beside the server's own time. Asserts nothing.

    python benchmarks/sync_bench.py                       # 10,000 items, 1,000 changes pushed
    python benchmarks/sync_bench.py --items 2000 --push 200

Three syncs through the Google Reader API (`reader.sources.sync.engine.sync_account`, what
`reader sync` runs): the first sync of every item, a sync with nothing new, and a sync pushing
queued changes (articles marked read locally, as `M` does). Each is shown beside the time the
server alone needs to answer the same requests, measured in the same run by replaying the
requests the sync made (recorded by `Http.log`) with plain urllib, one after another, bodies
read and thrown away (each edit-tag is undone first, untimed, so that the replay changes as
many items as the sync did). reader's own cost is the difference: JSON, the HTML ingest of
every item, and the SQLite writes. The sync sends its four state GETs at once; the replay sends
them one by one.

Needs PHP (see shared/servers/README.md) and shared/ beside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVE = REPO.parent / "shared" / "servers" / "freshrss_serve.py"
sys.path.insert(0, str(REPO))

from reader.sources.sync.accounts import Account, save_accounts  # noqa: E402
from reader.sources.sync.engine import sync_account  # noqa: E402
from reader.sources.sync.http import Http  # noqa: E402
from reader.store import Store  # noqa: E402

PARAGRAPH = ("<p>The committee met on Tuesday to weigh the proposal, which would cost about "
             "$4.2 million over three years, according to the draft seen by reporters.</p>")


def write_feeds(folder: Path, items: int, feeds: int) -> None:
    now = datetime.now(UTC)
    per_feed = items // feeds
    for f in range(feeds):
        entries = "".join(
            f"<item><guid isPermaLink='false'>f{f}-{i}</guid><title>Feed {f} story {i}</title>"
            f"<link>http://127.0.0.1/{f}/{i}</link>"
            f"<pubDate>{format_datetime(now - timedelta(minutes=i))}</pubDate>"
            f"<description>{escape(f'<h2>Part {i}</h2>' + PARAGRAPH * 3)}</description></item>"
            for i in range(per_feed)
        )
        (folder / f"feed{f}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
            f"<link>http://127.0.0.1/</link>{entries}</channel></rss>", encoding="utf-8")


def serve_folder(folder: Path) -> ThreadingHTTPServer:
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def replay(log: list[tuple[str, object, dict[str, str]]]) -> float:
    """The server's time for the same requests, sent one after another with plain urllib."""
    start = time.perf_counter()
    for url, form, headers in log:
        data = urllib.parse.urlencode(list(form)).encode() if form is not None else None  # type: ignore[call-overload]
        with urllib.request.urlopen(urllib.request.Request(url, data, headers),
                                    timeout=300) as answer:
            answer.read()
    return time.perf_counter() - start


def undo_edits(log: list[tuple[str, object, dict[str, str]]]) -> None:
    """Send the opposite of each edit-tag (untimed), so that replaying it is real work again."""
    swap = {"a": "r", "r": "a"}
    undo = [(url, [(swap.get(k, k), v) for k, v in form], headers)  # type: ignore[union-attr]
            for url, form, headers in log if url.endswith("/edit-tag")]
    replay(undo)  # type: ignore[arg-type]


def timed_sync(store: Store, account: Account) -> tuple[float, float, int, object]:
    http = Http(timeout=300)
    http.log = []
    start = time.perf_counter()
    result = sync_account(store, account, http=http)
    elapsed = time.perf_counter() - start
    if not result.ok:
        raise SystemExit(f"sync failed: {result.error}")
    undo_edits(http.log)
    return elapsed, replay(http.log), http.requests, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--push", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    (work / "feeds").mkdir()
    write_feeds(work / "feeds", args.items, args.feeds)
    site = serve_folder(work / "feeds")
    no_egress = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
                 "no_proxy": "127.0.0.1,localhost"}
    done = subprocess.run([sys.executable, str(SERVE), "--dir", str(work / "freshrss")],
                          capture_output=True, text=True, env={**os.environ, **no_egress})
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip())
    info = json.loads(done.stdout)
    try:
        login = urllib.parse.urlencode({"Email": info["user"], "Passwd": info["api_password"]})
        with urllib.request.urlopen(f"{info['greader']}/accounts/ClientLogin",
                                    login.encode()) as answer:
            auth = answer.read().decode().split("Auth=")[1].split()[0]
        start = time.perf_counter()
        port = site.server_address[1]
        for f in range(args.feeds):
            form = urllib.parse.urlencode({"quickadd": f"http://127.0.0.1:{port}/feed{f}.xml"})
            request = urllib.request.Request(
                f"{info['greader']}/reader/api/0/subscription/quickadd", form.encode(),
                {"Authorization": f"GoogleLogin auth={auth}"})
            with urllib.request.urlopen(request, timeout=600) as answer:
                answer.read()
        loaded = time.perf_counter() - start
        data = work / "data"
        account = Account("bench", "greader", info["greader"], info["user"], auth)
        save_accounts(data, [account])
        rows = []
        with Store.in_dir(data) as store:
            if os.environ.get("SYNC_BENCH_PROFILE_FIRST"):
                import cProfile

                cProfile.runctx("timed_sync(store, account)", globals(), locals(),
                                os.environ["SYNC_BENCH_PROFILE_FIRST"])
                raise SystemExit(0)
            t, floor, requests, result = timed_sync(store, account)
            rows.append(("first sync", t, floor, requests, f"{result.added:,} items"))  # type: ignore[attr-defined]
            t, floor, requests, result = timed_sync(store, account)
            rows.append(("nothing new", t, floor, requests, "0 items"))
            ids = [row[0] for row in store._conn.execute(
                "SELECT article_id FROM sync_items WHERE account = 'bench' LIMIT ?",
                (args.push,))]
            store.set_read_many(ids)
            if os.environ.get("SYNC_BENCH_PROFILE"):
                import cProfile

                cProfile.runctx("timed_sync(store, account)", globals(), locals(),
                                os.environ["SYNC_BENCH_PROFILE"])
                raise SystemExit(0)
            t, floor, requests, result = timed_sync(store, account)
            rows.append((f"push {len(ids):,} changes", t, floor, requests,
                         f"{result.pushed:,} pushed"))  # type: ignore[attr-defined]
    finally:
        os.killpg(info["pid"], signal.SIGTERM)
        site.shutdown()
    print(f"FreshRSS loaded {args.items:,} items from {args.feeds} feeds in {loaded:.1f} s")
    print(f"{'sync':<22} {'reader s':>9} {'server s':>9} {'ratio':>6} {'requests':>9}  what")
    for name, t, floor, requests, what in rows:
        print(f"{name:<22} {t:>9.2f} {floor:>9.2f} {t / floor:>6.2f} {requests:>9}  {what}")
    print(json.dumps({"items": args.items, "rows": [
        {"sync": r[0], "reader_s": round(r[1], 3), "server_s": round(r[2], 3),
         "requests": r[3]} for r in rows]}))


if __name__ == "__main__":
    main()
