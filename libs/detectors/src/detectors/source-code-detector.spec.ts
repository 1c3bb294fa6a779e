import type { Finding } from '../finding';
import { sourceCodeDetector } from './source-code-detector';
import { expectWithin } from '../timing.test-helper';

const spans = (text: string): string[] => {
  const out: Finding[] = [];
  sourceCodeDetector.detect({ text } as Parameters<typeof sourceCodeDetector.detect>[0], out);
  return out.map((f) => text.slice(f.start, f.end));
};

/** program code, pasted with a question around it: each must be found */
const CODE: [string, string][] = [
  ['TypeScript', 'export async function loadInvoice(store: InvoiceStore, ref: string): Promise<Invoice> {\n  const row = await store.byRef(ref);\n  if (!row) throw new NotFound(ref);\n  return toInvoice(row);\n}'],
  ['TypeScript interface', 'interface Shipment {\n  trackingRef: string;\n  weightKg: number;\n  fragile?: boolean;\n}'],
  ['JavaScript', "const total = basket.items.reduce((sum, it) => sum + it.price * it.qty, 0);\nconsole.log(total.toFixed(2));"],
  ['JavaScript object', 'const settings = {\n  retries: 3,\n  backoffMs: 250,\n  onFail: (e) => report(e),\n};'],
  ['Python', 'def bucket_sizes(paths):\n    sizes = {}\n    for p in paths:\n        sizes[p.parent] = sizes.get(p.parent, 0) + p.stat().st_size\n    return sizes'],
  ['Python class', 'class RateLimiter:\n    def __init__(self, per_second):\n        self.per_second = per_second\n        self.tokens = per_second'],
  ['Python two lines', 'import numpy as np\narr = np.linspace(0, 1, num=50)'],
  ['Java', 'public class LedgerExporter {\n    private final Clock clock;\n\n    public LedgerExporter(Clock clock) {\n        this.clock = clock;\n    }\n}'],
  ['C#', 'using System.Text;\n\nnamespace Warehouse.Picking\n{\n    public sealed class PickList\n    {\n        public int Count => lines.Count;\n    }\n}'],
  ['Go', 'func sumSizes(files []os.FileInfo) int64 {\n\tvar n int64\n\tfor _, f := range files {\n\t\tn += f.Size()\n\t}\n\treturn n\n}'],
  ['Rust', 'fn parse_port(s: &str) -> Result<u16, ParseIntError> {\n    let p: u16 = s.trim().parse()?;\n    Ok(p)\n}'],
  ['C', '#include <stdlib.h>\n\nstatic int cmp_desc(const void *a, const void *b) {\n    return *(const int *)b - *(const int *)a;\n}'],
  ['C++', 'template <typename T>\nT clampTo(T v, T lo, T hi) {\n    return std::max(lo, std::min(v, hi));\n}'],
  ['PHP', "<?php\n$orders = fetchOrders($pdo, $customerId);\nforeach ($orders as $o) {\n    echo $o['ref'];\n}"],
  ['Ruby', "class Coupon\n  attr_reader :code\n\n  def expired?\n    valid_until < Time.now\n  end\nend"],
  ['Kotlin', 'data class Parcel(val id: String, val grams: Int)\n\nfun heavy(parcels: List<Parcel>) = parcels.filter { it.grams > 5000 }'],
  ['Swift', 'struct Tile {\n    let row: Int\n    let col: Int\n}\n\nfunc neighbours(of t: Tile) -> [Tile] {\n    return []\n}'],
  ['SQL', 'SELECT w.site_code, COUNT(*) AS picks\nFROM warehouse_picks w\nWHERE w.picked_at > CURRENT_DATE - 7\nGROUP BY w.site_code;'],
  ['SQL DDL', 'CREATE TABLE parcel_scan (\n  id bigserial PRIMARY KEY,\n  scanned_at timestamptz NOT NULL\n);'],
  ['shell script', '#!/usr/bin/env bash\nset -euo pipefail\nfor f in "$@"; do\n  gzip -9 "$f"\ndone'],
  ['shell logic without a shebang', 'if [ ! -d "$TARGET" ]; then\n  mkdir -p "$TARGET"\nfi\ncp build/*.tar "$TARGET"/'],
  ['Perl', 'my %seen;\nforeach my $line (@rows) {\n    $seen{$line}++;\n}'],
  ['Terraform with logic', 'resource "aws_instance" "worker" {\n  count         = var.enable_workers ? 3 : 0\n  instance_type = lookup(var.sizes, terraform.workspace)\n  tags          = merge(local.tags, { Name = "worker-${count.index}" })\n}'],
  ['Python, async with try', 'async def fetch_all(urls):\n    async with aiohttp.ClientSession() as s:\n        try:\n            return await asyncio.gather(*(get(s, u) for u in urls))\n        except TimeoutError:\n            return []'],
  ['Python condition', 'if retries > MAX_RETRIES:\n    raise GiveUp(job.id)'],
  ['Java with annotations', '@Service\npublic class QuoteService {\n    @Transactional\n    public Quote accept(long id) {\n        Quote q = repo.findById(id).orElseThrow();\n        q.setStatus(Status.ACCEPTED);\n        return q;\n    }\n}'],
  ['C# LINQ', 'var late = orders\n    .Where(o => o.DueAt < DateTime.UtcNow)\n    .OrderBy(o => o.DueAt)\n    .ToList();'],
  ['Go struct', 'type Window struct {\n\tStart time.Time\n\tEnd   time.Time\n}\n\nfunc (w Window) Contains(t time.Time) bool {\n\treturn !t.Before(w.Start) && t.Before(w.End)\n}'],
  ['Rust match', 'impl Shape {\n    fn area(&self) -> f64 {\n        match self {\n            Shape::Circle(r) => PI * r * r,\n            Shape::Square(s) => s * s,\n        }\n    }\n}'],
  ['Kotlin when', 'fun label(code: Int): String = when (code) {\n    in 200..299 -> "ok"\n    404 -> "missing"\n    else -> "error"\n}'],
  ['Swift guard', 'func load(_ name: String) throws -> Data {\n    guard let url = bundle.url(forResource: name, withExtension: "json") else {\n        throw LoadError.missing(name)\n    }\n    return try Data(contentsOf: url)\n}'],
  ['Ruby block', 'invoices.each do |inv|\n  next if inv.paid?\n  Reminder.deliver(inv.customer, inv.total)\nend'],
  ['PHP class', '<?php\nnamespace App\\Billing;\n\nclass TaxRule\n{\n    public function apply(float $net): float\n    {\n        return $net * (1 + $this->rate);\n    }\n}'],
  ['SQL UPDATE', "UPDATE subscriptions\nSET status = 'lapsed'\nWHERE renews_at < now() - interval '30 days'\n  AND status = 'active';"],
  ['shell function with case', 'deploy() {\n  case "$1" in\n    prod) target=eu-prod ;;\n    *) target=staging ;;\n  esac\n  helm upgrade app ./chart --namespace "$target"\n}'],
  ['fenced', '```python\nprint("hi")\n```'],
  ['fenced, no tag', '```\nconst a = b.map((x) => x * 2);\n```'],
];

describe('source code: program code is found', () => {
  it.each(CODE)('%s', (_what, code) => {
    expect(spans(`Why does this fail?\n\n${code}\n\nThanks`).length).toBeGreaterThan(0);
  });
  it('a single statement on its own line', () => {
    expect(spans('what is wrong here:\nconst rows = await db.query(sql, [tenantId]);\n')).toEqual(['const rows = await db.query(sql, [tenantId]);']);
    expect(spans('let handle = window.setTimeout(() => poll(url), 5000);')).toHaveLength(1);
  });
  it('one span for the whole block, comments and blank lines included', () => {
    const code = '// totals per region\nconst byRegion = new Map();\n\nfor (const s of sales) {\n  byRegion.set(s.region, (byRegion.get(s.region) ?? 0) + s.amount);\n}';
    expect(spans(`Can you speed this up?\n${code}\nIt runs for minutes.`)).toEqual([code]);
  });
  it('an interface with optional members and the function after it are one span', () => {
    const code = 'interface Order {\n  ref: string;\n  note?: string;\n  paidAt?: Date;\n}\n\nfunction isPaid(o: Order): boolean {\n  return o.paidAt !== undefined;\n}';
    expect(spans(`Is this right?\n\n${code}\n\nthanks`)).toEqual([code]);
  });
  it('a fenced block in a programming language is reported whole', () => {
    const text = 'Look:\n```ts\nlet a = 1;\n```\nok';
    expect(spans(text)).toEqual(['let a = 1;']);
  });
});

/** configuration, data, transcripts and prose: none is source code */
const NOT_CODE: [string, string][] = [
  ['.env', 'APP_MODE=staging\nHTTP_PORT=8443\nQUEUE_URL=amqp://broker.local:5672/jobs\nSIGNING_KEY=3f1c9a0b7d2e\nFEATURE_BETA=true'],
  ['export lines', 'export REGION=eu-north-1\nexport BUCKET=media-archive\nexport RETRIES=4'],
  ['YAML', 'server:\n  port: 8080\n  tls:\n    enabled: true\n    cert: /etc/certs/site.pem\nlogging:\n  level: warn'],
  ['docker-compose', 'services:\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - "6380:6379"\n    command: ["valkey-server", "--save", ""]\n  worker:\n    build: ./worker\n    depends_on:\n      - cache'],
  ['Kubernetes manifest', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: thumbnailer\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: thumbnailer\n          image: registry.local/thumbnailer:1.9\n          env:\n            - name: MAX_WIDTH\n              value: "1280"'],
  ['GitHub workflow', 'on:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test'],
  ['JSON config', '{\n  "listen": "0.0.0.0:9000",\n  "workers": 4,\n  "upstreams": ["10.1.0.5:80", "10.1.0.6:80"],\n  "cache": { "ttl": 300, "enabled": true }\n}'],
  ['appsettings-like JSON', '{\n  "Serilog": { "MinimumLevel": "Warning" },\n  "Storage": {\n    "Container": "uploads",\n    "Endpoint": "https://files.local/uploads;timeout=30"\n  }\n}'],
  ['TOML', '[package]\nname = "tilecache"\nversion = "0.4.2"\nedition = "2021"\n\n[dependencies]\nserde = { version = "1", features = ["derive"] }'],
  ['INI', '[database]\nhost = db.local\nport = 5432\nuser = reporting\n\n[mail]\nrelay = smtp.local\nstarttls = yes'],
  ['JSON data export', '[\n  {"id": 101, "name": "Harbor Gifts", "city": "Leeds", "open": true},\n  {"id": 102, "name": "Nord Outfitters", "city": "Turku", "open": false},\n  {"id": 103, "name": "Casa Lume", "city": "Porto", "open": true}\n]'],
  ['CSV export', 'id,name,city,joined\n101,Harbor Gifts,Leeds,2021-03-04\n102,Nord Outfitters,Turku,2022-11-19\n103,Casa Lume,Porto,2023-01-07'],
  ['shell transcript', '$ git fetch origin\n$ git rebase origin/main\n$ npm ci && npm run build\n$ docker compose up -d'],
  ['shell history', '  311  cd ~/projects/atlas\n  312  git status\n  313  kubectl get pods -n atlas\n  314  kubectl logs deploy/atlas-api --tail=50'],
  ['command list', 'npm install\nnpm run migrate\nnpm run seed -- --demo\nnpm start'],
  ['release notes', 'Version 3.2.0 (2026-10-14)\n- Upgraded the PDF renderer from 2.1.4 to 2.3.0\n- Fixed a crash when exporting reports with empty tables (#4410)\n- Cache TTL default 300 -> 600 seconds\n- Removed the legacy /v1/export endpoint'],
  ['changelog', '## [2.0.1] - 2026-09-02\n### Fixed\n- `parseDate()` no longer throws on empty input\n- The `--dry-run` flag is honoured by `sync`\n### Changed\n- `retry` defaults to 3 (was 5)'],
  ['ticket', 'Steps to reproduce:\n1. Open Settings > Billing\n2. Click "Download invoice" (PDF)\n3. The request to /api/invoices/{id} returns 500\nExpected: the PDF downloads.'],
  ['prose with code words', 'The function returns early when the import fails; the class of errors we saw\nwas all timeouts. For each region in the plan we will return to the old\nvalues if the test (staging) goes badly.'],
  ['fenced JSON', '```json\n{ "a": 1, "b": [1, 2] }\n```'],
  ['Dockerfile', 'FROM python:3.12-slim AS base\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nEXPOSE 8000\nCMD ["gunicorn", "app:wsgi"]'],
  ['nginx config', 'server {\n    listen 443 ssl;\n    server_name files.local;\n    location /upload/ {\n        client_max_body_size 50m;\n        proxy_pass http://uploader:8080/;\n    }\n}'],
  ['workflow condition', 'jobs:\n  release:\n    if: github.ref_type == \'tag\' && github.repository == \'acme/tool\'\n    steps:\n      - run: ./release.sh'],
  ['Java properties', 'spring.datasource.url=jdbc:postgresql://db.local:5432/shop\nspring.datasource.username=shop\nspring.jpa.hibernate.ddl-auto=validate\nserver.port=8081'],
  ['Terraform without logic', 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  acl    = "private"\n}'],
  ['fenced shell commands', '```bash\nnpm install --save left-pad\nnpx left-pad --help\n```'],
  ['HTML', '<div class="card">\n  <h2>Plan</h2>\n  <p>Starts at 9.</p>\n</div>'],
  ['stack trace', 'Exception in thread "main" java.lang.IllegalStateException: closed\n\tat com.acme.pool.Pool.take(Pool.java:88)\n\tat com.acme.jobs.Runner.run(Runner.java:41)'],
  ['Markdown list', '* `ttl`: how long to keep an entry (default `60s`).\n* `max`: how many entries (default `1000`).\n* `onEvict(key)`: called when an entry goes.'],
];

describe('source code: configuration, data, transcripts and prose are not', () => {
  it.each(NOT_CODE)('%s', (_what, text) => {
    expect(spans(`Can you check this?\n\n${text}\n\nThanks`)).toEqual([]);
  });
  it('meeting notes, e-mail headers and chat lines', () => {
    for (const t of ['from: ana\nto: ben\nsubject: lunch\ndate: friday', 'me: hey\nhim: hi :)\nme: lunch?\nhim: sure, 12:30', 'Agenda:\n- review the budget (Q3)\n- hiring plan; two roles']) {
      expect(spans(t)).toEqual([]);
    }
  });
  it('code next to a config is found, the config around it is not reported alone', () => {
    const text = 'My compose file:\nservices:\n  api:\n    image: node:22\n\nand the handler:\n\nexport function health(req, res) {\n  res.status(200).json({ ok: true });\n}\n';
    expect(spans(text)).toEqual(['export function health(req, res) {\n  res.status(200).json({ ok: true });\n}']);
  });
});

describe('source code: cost', () => {
  it.each([
    ['long config-like lines', 'key: ' + 'a'.repeat(390) + '\n'],
    ['many openers', 'if ('.repeat(99) + '\n'],
    ['many assignments', 'a = b = c = '.repeat(33) + '\n'],
    ['SQL-like words', 'SELECT ' + 'x, '.repeat(130) + '\n'],
    ['spaces', ' '.repeat(399) + 'x\n'],
  ])('%s (200 KB)', (_what, line) => {
    const text = line.repeat(Math.ceil(200_000 / line.length));
    expectWithin(1000, () => spans(text));
  });
});
