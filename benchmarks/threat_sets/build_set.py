import json, random, sys
gold = {}
for line in open('../shared/data/reference/gdelt/CAMEO.goldsteinscale.txt'):
    p = line.strip().split('\t')
    if len(p) == 2 and p[0][0].isdigit():
        gold[p[0]] = float(p[1])
TRICKY = {"negation", "denial", "hypothetical", "conditional", "allegation", "historical", "embedded"}
TAGS = TRICKY | {"reversal","metonymy","passive","reported_speech","past","future"}
src, prefix, out_spec = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = []
for line in open(src):
    if line.startswith('#') or not line.strip():
        continue
    code, tags, text, note = [x.strip() for x in line.split('|')]
    assert code in gold, code
    tags = [t for t in tags.split(',') if t]
    assert set(tags) <= TAGS, tags
    r = {"id": f"{prefix}{len(rows)+1:03d}", "text": text, "cameo": code, "goldstein": gold[code], "phenomena": tags}
    if note:
        r["note"] = note
    rows.append(r)
print(len(rows), 'tricky', sum(bool(TRICKY & set(r['phenomena'])) for r in rows))
if len(out_spec) == 2:
    rng = random.Random(20261125)
    tr = [r for r in rows if TRICKY & set(r['phenomena'])]
    pl = [r for r in rows if not TRICKY & set(r['phenomena'])]
    A, B = [], []
    for group in (tr, pl):
        g = group[:]; rng.shuffle(g); g.sort(key=lambda r: r['cameo'][:2])
        for i, r in enumerate(g):
            (A if i % 2 == 0 else B).append(r)
    for rs, path in ((A, out_spec[0]), (B, out_spec[1])):
        rs.sort(key=lambda r: r['id'])
        with open(path, 'w') as f:
            for r in rs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
        print(path, len(rs), 'tricky', sum(bool(TRICKY & set(r['phenomena'])) for r in rs))
else:
    with open(out_spec[0], 'w') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
