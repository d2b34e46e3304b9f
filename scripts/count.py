#!/usr/bin/env python3
"""Counts the instructions an oae command executes, with valgrind's callgrind: a figure that
does not move with the machine, for comparing two versions of a change.

Wall and CPU time on a shared two-core machine drift by half within minutes (see
scripts/bench.py), so a change of a few percent needs dozens of interleaved rounds and can
still read backwards. The number of instructions of one run is the same from run to run (to
well under 0.1%), and callgrind names every function that executed them and who called it.
It counts no kernel time, no cache misses and no waiting: a change that only moves those (fewer
files, less memory) needs the bench.

The command runs under callgrind about 50 times slower than alone (`oae check` at 200
municipalities: 84 s). The binary is copied without its debug sections first (`strip -g`):
valgrind's reader gives up on the DWARF of a binary linked with the static Swift runtime, and
the function names stay in the symbol table. valgrind warns that it does not know `openat2`
(syscall 437); oae's tree reader then falls back to `openat`, and the run is otherwise the same.

Generates the network with scripts/gen-network.py when the folder does not hold one, installs
Debian's valgrind when it is missing, and prints the total and the functions that executed the
most instructions themselves (demangled). With --out it keeps callgrind's file for
`callgrind_annotate --tree=caller` or `--inclusive=yes`.

usage: scripts/count.py [--municipalities 200] [--network DIR] [--binary .build/release/oae]
                        [--top 25] [--out FILE] [-- oae arguments (default: check --as-of 2026-11-25)]
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_valgrind():
    if shutil.which("valgrind") and shutil.which("callgrind_annotate"):
        return
    print("count: installing Debian's valgrind", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "valgrind"], check=True, stdout=subprocess.DEVNULL)


def demangle(names):
    """The names as swift-demangle shows them (simplified), or as they are without it."""
    tool = shutil.which("swift-demangle")
    if not tool or not names:
        return names
    done = subprocess.run([tool, "--simplified"], input="\n".join(names), capture_output=True, text=True)
    lines = done.stdout.split("\n")
    return lines[:len(names)] if done.returncode == 0 and len(lines) >= len(names) else names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=200)
    parser.add_argument("--network", help="the tree to run on (default: bench/networks/net-N, generated)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "oae"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", help="keep callgrind's output file here")
    parser.add_argument("command", nargs="*", help="oae's arguments after --")
    args = parser.parse_args()
    command = args.command or ["check", "--as-of", "2026-11-25"]
    if not os.path.isfile(args.binary):
        sys.exit(f"count: no binary at {args.binary} (make build, or swift build -c release --product oae)")
    net = args.network or os.path.join(ROOT, "bench", "networks", f"net-{args.municipalities}")
    if not os.path.isdir(os.path.join(net, "seeds")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen-network.py"), net,
                        "--municipalities", str(args.municipalities)], check=True, stdout=subprocess.DEVNULL)
    ensure_valgrind()
    with tempfile.TemporaryDirectory(prefix="oae-count-") as work:
        binary = os.path.join(work, "oae")
        subprocess.run(["strip", "-g", "-o", binary, args.binary], check=True)
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1764000000"),
                   OAE_PAGEFIND="off", OAE_PYTHON="/nonexistent")
        # One file per process. oae starts git and other programs from a child that shares its
        # memory until it runs the program (clone with CLONE_VM | CLONE_VFORK); valgrind runs
        # that child as a fork, which inherits the counts made before it and writes them under
        # its own pid when it ends (and, with one file name, over the main process's file).
        # The command's total is the main process's.
        # A build writes into a folder of its own, empty: in the tree's output/ it would find
        # the last count's build and reuse it (under valgrind the binary's stamp, from
        # /proc/self/exe, is valgrind's, the same for every version of oae).
        # It parses every file (`--no-cache`): the load store of an earlier `oae check` in the
        # network's output/ is keyed by the binary, and a build would read and unseal it for nothing.
        given_out = any(a == "--out" or a.startswith("--out=") for a in command)
        out_dir = ["--out", os.path.join(work, "output")] if command[:1] == ["build"] and not given_out else []
        if command[:1] == ["build"] and "--no-cache" not in command:
            out_dir.append("--no-cache")
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/callgrind.%p", binary]
                             + command + ["--root", net] + out_dir, env=env, capture_output=True, text=True)
        main_pid = re.search(r"==(\d+)== Command:", run.stderr)
        totals = {int(pid): int(n) for pid, n in re.findall(r"==(\d+)== Collected : (\d+)", run.stderr)}
        if not main_pid or int(main_pid.group(1)) not in totals:
            crash = re.search(r"VALGRIND INTERNAL ERROR: [^\n]*", run.stderr)
            if crash:
                # valgrind 3.19 (Debian 12) dies at the start of every program on some newer
                # kernels (6.18: SIGSEGV in valgrind itself, even for `oae --version`).
                sys.exit(f"count: valgrind itself failed ({crash.group(0)}) on kernel {os.uname().release};"
                         " it does not run here: count on another machine, or time interleaved runs")
            sys.exit("count: callgrind reported no total:\n" + run.stderr[-2000:])
        pid = int(main_pid.group(1))
        total = totals[pid]
        out = os.path.join(work, f"callgrind.{pid}")
        if args.out:
            shutil.copyfile(out, args.out)
        report = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True, check=True).stdout
        rows = []
        for line in report.split("\n"):
            m = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+\S*?:(\S+) \[(.*)\]$", line)
            if m and "PROGRAM TOTALS" not in line:
                rows.append((int(m.group(1).replace(",", "")), m.group(3), os.path.basename(m.group(4))))
        rows = rows[:max(args.top, 0)]
        names = demangle([r[1] for r in rows])
        print(f"oae {' '.join(command)} --root {net}: {total:,} instructions (exit status {run.returncode})")
        for (count, _, library), name in zip(rows, names):
            print(f"{count:>15,} {100 * count / total:5.2f}%  {name[:150]}  [{library}]")
        if args.out:
            print(f"callgrind's file: {args.out}")


if __name__ == "__main__":
    main()
