#!/usr/bin/env python3
"""Save → page in `oae serve`: how long after a file is saved the preview serves the page
with the change (issue 13).

The script copies a tree (the example network, or a generated one with --municipalities N)
to a temporary folder, starts `oae serve` on it (release build, a free port), listens to
the preview's event stream as a browser does, then 10 times edits a service of the model
(a sentence added to its Markdown) and 10 times an office file (its phone number). For
each edit it measures the time from the save to the end of the response of the page that
shows the change (the reload event, then the GET), and checks that the page has the change.
Every wait is bounded; the server is stopped by its PID.

usage: scripts/bench-serve.py [--municipalities N] [--edits 10]
prints a Markdown table (median, min, max in ms) and writes nothing else.
"""
import argparse, http.client, os, queue, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OAE = os.path.join(ROOT, ".build", "release", "oae")


def events(port, out):
    """Puts every reload event of the preview's stream on `out` (a thread)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("GET", "/__oae/events")
    response = conn.getresponse()
    while True:
        line = response.fp.readline()
        if not line:
            return
        if line.startswith(b"event: reload") or line.startswith(b"event: errors"):
            out.put((line.decode().strip(), time.monotonic()))


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/" + path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def measure(tree, edits, oae=OAE):
    """Starts `oae serve` on `tree` (which it edits, then restores) and returns
    [(edit name, [milliseconds…])] for a service and an office file."""
    work = tempfile.mkdtemp(prefix="oae-bench-serve-")
    server = None
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764000000", OAE_PAGEFIND="off", OAE_PYTHON="/nonexistent")
    service = "activity-permits"
    service_file = os.path.join(tree, "model", "services", service + ".md")
    slug = sorted(d for d in os.listdir(os.path.join(tree, "seeds"))
                  if os.path.isfile(os.path.join(tree, "seeds", d, "office.yaml")))[0]
    office_file = os.path.join(tree, "seeds", slug, "office.yaml")
    original_service = open(service_file, encoding="utf-8").read()
    original_office = open(office_file, encoding="utf-8").read()
    try:
        log = open(os.path.join(work, "serve.log"), "w+")
        server = subprocess.Popen([oae, "serve", "--root", tree, "--port", "0", "--out", os.path.join(work, "out")],
                                  env=env, stdout=subprocess.PIPE, stderr=log, text=True)
        line = ""
        deadline = time.monotonic() + 1800
        while "serving http://" not in line and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                log.seek(0)
                sys.exit("bench-serve: oae serve stopped:\n" + log.read()[-2000:])
        port = int(re.search(r":(\d+)/", line).group(1))
        reloads = queue.Queue()
        threading.Thread(target=events, args=(port, reloads), daemon=True).start()
        time.sleep(0.5)

        def edit_service(i):
            marker = f"Frase de prova número {i} de la mesura."
            return service_file, original_service.rstrip("\n") + f"\n\n{marker}\n", f"ca/model/services/{service}.html", marker

        def edit_office(i):
            phone = f"+34 900 000 {i:03d}"
            text, n = re.subn(r'phone: "[^"]*"', f'phone: "{phone}"', original_office, count=1)
            assert n == 1, "no phone in " + office_file
            return office_file, text, f"ca/offices/{slug}.html", f"900 000 {i:03d}"

        rows = []
        for name, edit in (("a service (model/services/*.md)", edit_service), ("an office (seeds/*/office.yaml)", edit_office)):
            times = []
            for i in range(1, edits + 1):
                path, text, page, marker = edit(i)
                while not reloads.empty():
                    reloads.get_nowait()
                start = time.monotonic()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                event, _ = reloads.get(timeout=600)
                if not event.startswith("event: reload"):
                    log.seek(0)
                    sys.exit(f"bench-serve: the edit of {path} gave errors:\n" + log.read()[-2000:])
                body = get(port, page)
                elapsed = (time.monotonic() - start) * 1000
                if marker not in body:
                    sys.exit(f"bench-serve: {page} does not show '{marker}' after the reload")
                times.append(elapsed)
                time.sleep(0.3)
            rows.append((name, times))
        return rows
    finally:
        if server and server.poll() is None:
            os.kill(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(server.pid, signal.SIGKILL)
        with open(service_file, "w", encoding="utf-8") as f:
            f.write(original_service)
        with open(office_file, "w", encoding="utf-8") as f:
            f.write(original_office)
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipalities", type=int, default=0, help="a generated network of N (0: the example)")
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="oae-bench-serve-tree-")
    tree = os.path.join(work, "tree")
    try:
        if args.municipalities:
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts/gen-network.py"), tree,
                            "--municipalities", str(args.municipalities)], check=True, stdout=subprocess.DEVNULL)
        else:
            os.makedirs(tree)
            for folder in ("model", "seeds", "templates"):
                shutil.copytree(os.path.join(ROOT, folder), os.path.join(tree, folder))
        rows = measure(tree, args.edits)
        label = f"{args.municipalities} municipalities" if args.municipalities else "the example network"
        print(f"# oae serve, save → page, {label}, {args.edits} edits each\n")
        print("| edit | median ms | min ms | max ms |\n|---|---|---|---|")
        for name, times in rows:
            print(f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
