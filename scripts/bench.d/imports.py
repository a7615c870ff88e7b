#!/usr/bin/env python3
"""The imports of the benchmark (scripts/bench), through the import page's server functions
as the browser calls them: upload in pieces, the dry run, the import, then the same file
again. KIND purchases: a web shop's order export of ROWS rows (a row per line, 1-3 lines an
order, ROWS/5 customers, every tenth by phone). KIND customers: a newsletter tool's export
of ROWS subscribers (email, names, every third a phone, city, tags). Prints one line:
  IMPORT rows=N orders=N upload_s=S dry_s=S run_s=S rows_per_s=R again_rows_per_s=R
run_s is from asking for the import to its status saying done (parsing, matching and
storing, with the customers it adds); the second import finds every row already there."""
import http.client, json, random, sys, time, urllib.parse

url, cookie, rows, kind = sys.argv[1], "; ".join(sys.argv[2].split()), int(sys.argv[3]), sys.argv[4]
host = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
PIECE = 4000  # app::admin::import::PIECE_CHARS


def call(name, **form):
    body = urllib.parse.urlencode(form)
    headers = {"Cookie": cookie, "Origin": url, "Content-Type": "application/x-www-form-urlencoded"}
    conn.request("POST", f"/api/admin/{name}", body, headers)
    res = conn.getresponse()
    text = res.read().decode()
    if res.status != 200:
        sys.exit(f"{name}: {res.status} {text[:300]}")
    return json.loads(text) if text else None


def export():
    rnd = random.Random(7)
    lines = ["Name,Email,Phone,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Total,Payment Method"]
    skus = [("SOURDOUGH", "Sourdough loaf", "5.20"), ("RYE", "Rye bread", "4.60"), ("CINNAMON-BUN", "Cinnamon bun", "3.10"), ("", "Gift box", "20.00")]
    order, written = 0, 0
    customers = max(1, rows // 5)
    while written < rows:
        order += 1
        n = rnd.randint(1, 3)
        who = rnd.randrange(customers)
        email, phone = (f"hist{who}@example.com", "") if who % 10 else ("", f"+3161{who:07d}")
        day = f"20{rnd.randint(19, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} {rnd.randint(8, 19):02d}:{rnd.randint(0, 59):02d}:00 +0100"
        for i in range(min(n, rows - written)):
            sku, name, price = rnd.choice(skus)
            head = [f"#{order}", email, phone, day] if i == 0 else [f"#{order}", "", "", ""]
            tail = ["", rnd.choice(["shopify_payments", "Cash", "PIN"])] if i == 0 else ["", ""]
            lines.append(",".join(head + [str(rnd.randint(1, 4)), name, price, sku] + tail))
            written += 1
    return "\n".join(lines) + "\n", order


def subscribers():
    rnd = random.Random(11)
    firsts = ["Anna", "Jan", "Sanne", "Thabo", "Inês", "Mikko", "Olga", "Pieter", "Lerato", "João"]
    lasts = ["de Vries", "Dlamini", "Silva", "Korhonen", "Ivanova", "Bakker", "Nkosi", "Costa"]
    cities = ["Utrecht", "Cape Town", "Porto", "Helsinki", "Kazan"]
    lines = ["Email Address,First Name,Last Name,Phone Number,City,Tags"]
    for i in range(rows):
        phone = f"+3162{i:07d}" if i % 3 == 0 else ""
        tags = rnd.choice(["", "", "vip", "\"bread,cake\""])
        lines.append(f"sub{i}@example.com,{rnd.choice(firsts)},{rnd.choice(lasts)},{phone},{rnd.choice(cities)},{tags}")
    return "\n".join(lines) + "\n", rows


def upload(text):
    ident = call("start_import", site="demo", kind=kind, file_name=f"{kind}.csv")
    for i in range(0, len(text), PIECE):
        call("append_import", site="demo", id=ident, piece=text[i:i + PIECE])
    return ident


def run(ident, mapping):
    start = time.monotonic()
    call("run_import", site="demo", id=ident, mapping=mapping, valid_only="false")
    while True:
        status = call("import_status", site="demo", id=ident)
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    if status["status"] != "done":
        sys.exit(f"import failed: {status}")
    return time.monotonic() - start, status


text, orders = export() if kind == "purchases" else subscribers()
start = time.monotonic()
ident = upload(text)
upload_s = time.monotonic() - start
mapping = json.dumps(call("preview_import", site="demo", id=ident)["suggested"])
start = time.monotonic()
dry = call("check_import", site="demo", id=ident, mapping=mapping)
dry_s = time.monotonic() - start
if dry["problem_count"]:
    sys.exit(f"the dry run found problems: {dry['problems'][:3]}")
run_s, status = run(ident, mapping)
if status["created"] != orders:
    sys.exit(f"expected {orders} new, got {status}")
again_s, status = run(upload(text), mapping)
if status["created"] != 0 or status["unchanged"] != orders:
    sys.exit(f"the second import changed something: {status}")
print(f"IMPORT rows={rows} orders={orders} upload_s={upload_s:.1f} dry_s={dry_s:.2f} run_s={run_s:.2f} "
      f"rows_per_s={rows / run_s:.0f} again_rows_per_s={rows / again_s:.0f}")
