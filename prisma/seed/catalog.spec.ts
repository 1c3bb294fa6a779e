/**
 * Invariants of the built-in AI provider catalog (prisma/seed/catalog.json).
 *
 * The catalog seeds the Provider table and is what the decision API resolves hosts against,
 * so it must stay machine-safe: unique slugs, each host owned by exactly one provider,
 * valid enums and ISO codes, and a source for every storage and training claim.
 */
import fs from "node:fs";
import path from "node:path";

type Channel = "web" | "desktop" | "mobile" | "api" | "ide" | "cli";
type Training = "yes" | "opt_out" | "no";

interface Source {
  fact: string;
  url: string;
  asOf: string;
}

interface Provider {
  slug: string;
  name: string;
  vendor: string;
  description: string;
  website: string;
  domains: string[];
  channels: Channel[];
  hqCountry: string;
  dataCountries: string[];
  trainsOnInputs: Training;
  retention: string;
  retentionDays: number | null;
  zeroRetentionOffer: boolean;
  collects: string[];
  sharesWith: string[];
  certifications: string[];
  enterpriseOffering: string | null;
  notes: string | null;
  sources: Source[];
}

interface Catalog {
  catalogVersion: string;
  providers: Provider[];
}

const catalog = JSON.parse(
  fs.readFileSync(path.join(__dirname, "catalog.json"), "utf8"),
) as Catalog;
const providers = catalog.providers;

const CHANNELS = ["web", "desktop", "mobile", "api", "ide", "cli"];
const TRAINING = ["yes", "opt_out", "no"];
const COLLECTS = [
  "prompts",
  "files",
  "chat_history",
  "keystroke_patterns",
  "device_identifiers",
  "ip_address",
  "location",
  "payment",
  "contacts",
  "audio",
  "images",
  "advertiser_data",
  "usage_data",
  "account_data",
];
const PROVIDER_KEYS = [
  "slug",
  "name",
  "vendor",
  "description",
  "website",
  "domains",
  "channels",
  "hqCountry",
  "dataCountries",
  "trainsOnInputs",
  "retention",
  "retentionDays",
  "zeroRetentionOffer",
  "collects",
  "sharesWith",
  "certifications",
  "enterpriseOffering",
  "notes",
  "sources",
].sort();

/** A DNS host name (labels of letters, digits and inner hyphens) or `*.` followed by one. */
const HOST =
  /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const ISO2 = /^[A-Z]{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Hosts that belong to whole platforms, not to one AI service; listing them would misclassify traffic. */
const TOO_BROAD = [
  "google.com",
  "googleapis.com",
  "microsoft.com",
  "bing.com",
  "office.com",
  "live.com",
  "amazon.com",
  "amazonaws.com",
  "github.com",
  "githubusercontent.com",
  "facebook.com",
  "instagram.com",
  "whatsapp.com",
  "x.com",
  "twitter.com",
  "apple.com",
  "baidu.com",
  "qq.com",
  "tencent.com",
  "weixin.qq.com",
  "aliyun.com",
  "aliyuncs.com",
  "alibaba.com",
  "bytedance.com",
  "volces.com",
  "duckduckgo.com",
  "quora.com",
  "cloudflare.com",
];

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** Whether a catalog pattern (exact host or `*.` wildcard) matches a concrete host. */
function matches(pattern: string, host: string): boolean {
  if (pattern.startsWith("*."))
    return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

/** Resolves a host the way the decision API is meant to: exact match first, then the longest wildcard. */
function resolve(host: string): string | null {
  const h = host.toLowerCase();
  const exact = providers.find((p) =>
    p.domains.some((d) => d.toLowerCase() === h),
  );
  if (exact) return exact.slug;
  let best: { slug: string; length: number } | null = null;
  for (const p of providers) {
    for (const d of p.domains.map((x) => x.toLowerCase())) {
      if (
        d.startsWith("*.") &&
        matches(d, h) &&
        (!best || d.length > best.length)
      ) {
        best = { slug: p.slug, length: d.length };
      }
    }
  }
  return best ? best.slug : null;
}

function bySlug(slug: string): Provider {
  const provider = providers.find((p) => p.slug === slug);
  if (!provider)
    throw new Error(`provider ${slug} is missing from the catalog`);
  return provider;
}

describe("built-in provider catalog", () => {
  it("has a dated version and at least 25 providers", () => {
    expect(isValidDate(catalog.catalogVersion)).toBe(true);
    expect(Array.isArray(providers)).toBe(true);
    expect(providers.length).toBeGreaterThanOrEqual(25);
  });

  it("gives every provider exactly the documented fields", () => {
    for (const p of providers) {
      expect({ slug: p.slug, keys: Object.keys(p).sort() }).toEqual({
        slug: p.slug,
        keys: PROVIDER_KEYS,
      });
    }
  });

  it("uses unique lower-case kebab-case slugs", () => {
    const slugs = providers.map((p) => p.slug);
    for (const slug of slugs)
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("fills the descriptive text fields", () => {
    for (const p of providers) {
      for (const field of [p.name, p.vendor, p.description, p.retention]) {
        expect(typeof field).toBe("string");
        expect(field.trim().length).toBeGreaterThan(0);
      }
      expect(isHttpsUrl(p.website)).toBe(true);
      expect(
        p.enterpriseOffering === null ||
          typeof p.enterpriseOffering === "string",
      ).toBe(true);
      expect(p.notes === null || typeof p.notes === "string").toBe(true);
    }
  });

  describe("domains", () => {
    it("are host names or *. wildcards, without scheme, port or path", () => {
      for (const p of providers) {
        expect(p.domains.length).toBeGreaterThan(0);
        for (const d of p.domains) {
          expect({ slug: p.slug, domain: d, valid: HOST.test(d) }).toEqual({
            slug: p.slug,
            domain: d,
            valid: true,
          });
          expect(d).toBe(d.toLowerCase());
          expect(d).not.toMatch(/[/:?#@\s]/);
        }
      }
    });

    it("are never listed under two providers, nor twice under one", () => {
      const owner = new Map<string, string>();
      for (const p of providers) {
        for (const d of p.domains.map((x) => x.toLowerCase())) {
          const previous = owner.get(d);
          expect({
            domain: d,
            owners: previous ? [previous, p.slug] : [p.slug],
          }).toEqual({ domain: d, owners: [p.slug] });
          owner.set(d, p.slug);
        }
      }
    });

    it("do not let one provider's wildcard swallow another provider's host", () => {
      for (const a of providers) {
        for (const wildcard of a.domains.filter((d) => d.startsWith("*."))) {
          for (const b of providers) {
            if (b.slug === a.slug) continue;
            for (const d of b.domains) {
              const host = d.startsWith("*.") ? d.slice(2) : d;
              expect({
                wildcard,
                of: a.slug,
                host,
                of2: b.slug,
                overlap: matches(wildcard, host),
              }).toEqual({
                wildcard,
                of: a.slug,
                host,
                of2: b.slug,
                overlap: false,
              });
            }
          }
        }
      }
    });

    it("list the apex next to every wildcard (a wildcard does not match the apex)", () => {
      for (const p of providers) {
        for (const d of p.domains.filter((x) => x.startsWith("*."))) {
          expect({
            slug: p.slug,
            wildcard: d,
            apexListed: p.domains.includes(d.slice(2)),
          }).toEqual({
            slug: p.slug,
            wildcard: d,
            apexListed: true,
          });
        }
      }
    });

    it("avoid whole-platform hosts such as google.com or microsoft.com", () => {
      const all = providers.flatMap((p) =>
        p.domains.map((d) => d.toLowerCase()),
      );
      for (const broad of TOO_BROAD) {
        expect(all).not.toContain(broad);
        expect(all).not.toContain(`*.${broad}`);
      }
    });

    it("resolve representative hosts to the right provider", () => {
      expect(resolve("chat.deepseek.com")).toBe("deepseek");
      expect(resolve("api.deepseek.com")).toBe("deepseek");
      expect(resolve("CHAT.DEEPSEEK.COM")).toBe("deepseek");
      expect(resolve("chatgpt.com")).toBe("openai-chatgpt");
      expect(resolve("api.openai.com")).toBe("openai-api");
      expect(resolve("claude.ai")).toBe("anthropic-claude");
      expect(resolve("api.anthropic.com")).toBe("anthropic-api");
      expect(resolve("gemini.google.com")).toBe("google-gemini");
      expect(resolve("copilot.microsoft.com")).toBe("microsoft-copilot");
      expect(resolve("chat.mistral.ai")).toBe("mistral-le-chat");
      expect(resolve("www.meta.ai")).toBe("meta-ai");
      expect(resolve("www.perplexity.ai")).toBe("perplexity");
      expect(resolve("grok.com")).toBe("xai-grok");
      expect(resolve("chat.qwen.ai")).toBe("alibaba-qwen");
      expect(resolve("www.kimi.com")).toBe("moonshot-kimi");
      expect(resolve("yiyan.baidu.com")).toBe("baidu-ernie-bot");
      expect(resolve("www.doubao.com")).toBe("bytedance-doubao");
      expect(resolve("www.google.com")).toBeNull();
      expect(resolve("www.microsoft.com")).toBeNull();
      expect(resolve("deepseek.com.example.org")).toBeNull();
      expect(resolve("notdeepseek.com")).toBeNull();
    });
  });

  it("uses ISO 3166-1 alpha-2 upper-case country codes", () => {
    for (const p of providers) {
      expect(p.hqCountry).toMatch(ISO2);
      expect(p.dataCountries.length).toBeGreaterThan(0);
      for (const c of p.dataCountries) expect(c).toMatch(ISO2);
      expect(new Set(p.dataCountries).size).toBe(p.dataCountries.length);
    }
  });

  it("uses only the documented enum values", () => {
    for (const p of providers) {
      expect(p.channels.length).toBeGreaterThan(0);
      expect(new Set(p.channels).size).toBe(p.channels.length);
      for (const c of p.channels) expect(CHANNELS).toContain(c);
      expect(TRAINING).toContain(p.trainsOnInputs);
      expect(new Set(p.collects).size).toBe(p.collects.length);
      for (const c of p.collects) expect(COLLECTS).toContain(c);
      expect(typeof p.zeroRetentionOffer).toBe("boolean");
      expect(
        p.retentionDays === null ||
          (Number.isInteger(p.retentionDays) && p.retentionDays >= 0),
      ).toBe(true);
      for (const list of [p.sharesWith, p.certifications]) {
        expect(Array.isArray(list)).toBe(true);
        for (const item of list)
          expect(typeof item === "string" && item.trim().length > 0).toBe(true);
      }
    }
  });

  it("cites https sources with ISO dates, including storage and training", () => {
    for (const p of providers) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) {
        expect(s.fact.trim().length).toBeGreaterThan(0);
        expect({ slug: p.slug, url: s.url, https: isHttpsUrl(s.url) }).toEqual({
          slug: p.slug,
          url: s.url,
          https: true,
        });
        expect({
          slug: p.slug,
          asOf: s.asOf,
          valid: isValidDate(s.asOf),
        }).toEqual({ slug: p.slug, asOf: s.asOf, valid: true });
        expect(s.asOf <= catalog.catalogVersion).toBe(true);
      }
      const facts = p.sources.map((s) => s.fact);
      expect({
        slug: p.slug,
        storage: facts.some((f) => /storage/i.test(f)),
      }).toEqual({ slug: p.slug, storage: true });
      expect({
        slug: p.slug,
        training: facts.some((f) => /training/i.test(f)),
      }).toEqual({ slug: p.slug, training: true });
    }
  });

  it("contains the services employees actually use", () => {
    const required = [
      "deepseek",
      "openai-chatgpt",
      "anthropic-claude",
      "google-gemini",
      "microsoft-copilot",
      "mistral-le-chat",
      "meta-ai",
      "perplexity",
      "xai-grok",
      "alibaba-qwen",
      "moonshot-kimi",
      "baidu-ernie-bot",
      "bytedance-doubao",
    ];
    const slugs = providers.map((p) => p.slug);
    for (const slug of required) expect(slugs).toContain(slug);
  });

  it("records what DeepSeek's privacy policy states", () => {
    const ds = bySlug("deepseek");
    expect(ds.hqCountry).toBe("CN");
    expect(ds.dataCountries).toEqual(["CN"]);
    expect(ds.collects).toEqual(
      expect.arrayContaining([
        "prompts",
        "files",
        "chat_history",
        "keystroke_patterns",
        "device_identifiers",
        "ip_address",
        "advertiser_data",
      ]),
    );
    expect(ds.sharesWith.some((s) => /corporate group/i.test(s))).toBe(true);
    expect(ds.domains).toEqual(
      expect.arrayContaining([
        "chat.deepseek.com",
        "deepseek.com",
        "*.deepseek.com",
        "api.deepseek.com",
      ]),
    );
    expect(ds.notes).toContain(
      "We store the information we collect in secure servers located in the People's Republic of China",
    );
    expect(ds.notes).toMatch(/National Intelligence Law/);
    expect(ds.notes).toMatch(/2017/);
    expect(ds.notes).toMatch(/Article 7/);
    const storage = ds.sources.find((s) => /storage/i.test(s.fact));
    expect(storage?.url).toMatch(/^https:\/\/[^/]*deepseek\.com\//);
  });

  it("lists the web hosts of Baidu ERNIE Bot and ByteDance Doubao", () => {
    expect(bySlug("baidu-ernie-bot").domains).toContain("yiyan.baidu.com");
    expect(bySlug("bytedance-doubao").domains).toContain("www.doubao.com");
  });

  it("lists CN among the storage countries of every China-headquartered provider", () => {
    for (const p of providers.filter((x) => x.hqCountry === "CN")) {
      expect({
        slug: p.slug,
        storesInCn: p.dataCountries.includes("CN"),
      }).toEqual({ slug: p.slug, storesInCn: true });
    }
  });
});
