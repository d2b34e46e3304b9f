#!/usr/bin/env python3
"""Generates a large network for benchmarks: the example model, templates and programme,
plus one folder per municipality of Catalonia, each a copy of a pilot's folder with the
municipality's own slug, name and INE code. The tree checks and builds as it is.

usage: scripts/gen-network.py OUT_DIR [FILES]          (FILES: about how many files; default 10000)
       scripts/gen-network.py OUT_DIR --municipalities N (exactly N municipalities, at least
                                                          the example's 4: those first, then the
                                                          metropolitan area's, then the rest)
Figures in the generated folders are the pilot's, copied: illustrative only.
"""
import csv, os, re, shutil, sys, unicodedata

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
if args[:1] in (["-h"], ["--help"]):
    print(__doc__.strip())
    sys.exit(0)
# OUT_DIR, then FILES or --municipalities N: anything else (an option for OUT_DIR, a
# word for a number) is refused before a folder is made.
def count(word):
    return re.fullmatch(r"[0-9]+", word) is not None  # ASCII digits: str.isdigit() takes "²"
usage_ok = (len(args) in (1, 2) and not args[0].startswith("-") and (len(args) == 1 or count(args[1]))) or \
    (len(args) == 3 and not args[0].startswith("-") and args[1] == "--municipalities" and count(args[2]))
if not usage_ok:
    sys.exit("gen-network: usage: scripts/gen-network.py OUT_DIR [FILES], or OUT_DIR --municipalities N (--help says more)")
out = args[0]
municipalities = None
if len(args) == 3:
    municipalities = int(args[2])
    target = 10**9
else:
    target = int(args[1]) if len(args) > 1 else 10000
template = "sant-feliu-de-llobregat"

def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s

def after(preposition, name):
    """`de` or `a` before a municipality's name in Catalan: `d'Abrera`, `del Prat de
    Llobregat`, `de la Garriga`, `de l'Hospitalet de Llobregat`, `als Hostalets de Pierola`."""
    for article, joined in (("El ", "l "), ("Els ", "ls ")):
        if name.startswith(article):
            return preposition + joined + name[len(article):]
    for article in ("La ", "Les ", "L'"):
        if name.startswith(article):
            return preposition + " " + article.lower() + name[len(article):]
    if preposition == "de" and re.match(r"[AEIOUÀÈÉÍÒÓÚaeiouh]|H[aeiouàèéíòóú]", name):
        return "d'" + name
    return preposition + " " + name


def named(text, name, catalan):
    """The template's text with the pilot's name replaced by `name`: in Catalan lines (not
    a Spanish or English value, nor the lines that continue one: a block scalar `es: |`, a
    value written over several lines), with the preposition before it contracted (`after`)."""
    lines = []
    foreign = None  # the column of the `es:`/`en:` key whose value the lines below continue
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if foreign is not None and (line.strip() == "" or indent > foreign):
            in_foreign = True
        else:
            key = re.match(r"(\s*)(- )?(es|en):", line)
            in_foreign = key is not None
            foreign = len(key.group(1)) + len(key.group(2) or "") if key else None
        if catalan and not in_foreign:
            line = re.sub(r"\b(de|a) Sant Feliu de Llobregat", lambda m: after(m.group(1), name), line)
        lines.append(line.replace("Sant Feliu de Llobregat", name))
    return "\n".join(lines)


# The example's own municipalities, which the programme's files name.
example = sorted(name for name in os.listdir(os.path.join(root, "seeds"))
                 if os.path.isfile(os.path.join(root, "seeds", name, "office.yaml")))
if municipalities is not None and municipalities < len(example):
    sys.exit(f"gen-network: at least {len(example)} municipalities (the example's own: {', '.join(example)})")

if os.path.exists(out):
    shutil.rmtree(out)
shutil.copytree(os.path.join(root, "model"), os.path.join(out, "model"))
# The example's templates, so that the generated tree builds as it is.
shutil.copytree(os.path.join(root, "templates"), os.path.join(out, "templates"))
os.makedirs(os.path.join(out, "seeds"))
# The programme's own files (programme, agreements, assessments, expansion plan): every
# entry of seeds/ that is not a municipality's folder.
for name in os.listdir(os.path.join(root, "seeds")):
    path = os.path.join(root, "seeds", name)
    # Every generated office is a pilot like the template, so the example's expansion plan
    # (waves after the pilot's assessment) does not fit them and is left out.
    if os.path.isfile(os.path.join(path, "office.yaml")) or name == "expansion.yaml":
        continue
    if os.path.isdir(path):
        # The councils' adhesions among the programme's agreements are those the plan names
        # for municipalities without a folder yet; here each has a folder with its own.
        def adhesions(folder, names):
            return [n for n in names if n.endswith(".yaml")
                    and "\ntype: adhesion\n" in open(os.path.join(folder, n), encoding="utf-8").read()]
        shutil.copytree(path, os.path.join(out, "seeds", name), ignore=adhesions if name == "agreements" else None)
    else:
        shutil.copy(path, os.path.join(out, "seeds", name))

src = os.path.join(root, "seeds", template)
files = []
for dirpath, _, names in os.walk(src):
    for n in names:
        files.append(os.path.relpath(os.path.join(dirpath, n), src))
count = sum(1 for _ in os.walk(os.path.join(out, "model")) for _ in _[2])
with open(os.path.join(root, "model/reference/municipalities-catalonia.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
# The example's own municipalities first (the programme's files copied above name them:
# the pilots, the assessment, the proposals), then the metropolitan area (the expansion's
# order), then the rest of Catalonia: a network of any size the programme's files fit.
rows.sort(key=lambda r: (slug(r["name"]) not in example, r.get("amb") != "yes", r["ine_code"]))
made = 0
for row in rows:
    if count >= target or (municipalities is not None and made >= municipalities):
        break
    s = slug(row["name"])
    dest = os.path.join(out, "seeds", s)
    if os.path.exists(dest):
        continue
    for rel in files:
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            text = f.read()
        text = text.replace(template, s).replace('"08211"', '"%s"' % row["ine_code"])
        text = named(text, row["name"], catalan=not re.search(r"\.(es|en)\.md$", rel))
        # A postal code of the municipality's province (its INE code's first two digits):
        # oae checks that an office's postal code and municipality agree.
        text = text.replace('postal_code: "08980"', 'postal_code: "%s980"' % row["ine_code"][:2])
        path = os.path.join(dest, rel.replace(template, s))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    made += 1
print(f"{out}: {count} files, {made} municipalities")
