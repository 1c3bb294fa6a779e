/**
 * Invariants of the built-in AI provider catalog (prisma/seed/catalog.json).
 *
 * The catalog seeds the Provider table and is what the decision API resolves hosts against,
 * so it must stay machine-safe: unique slugs, each host owned by exactly one provider,
 * valid enums and ISO codes, and a source for every storage and training claim.
 */
import fs from "node:fs";
import path from "node:path";
import { builtinCatalog } from "../../libs/contracts/src";

type Channel = "web" | "desktop" | "mobile" | "api" | "ide" | "cli";
type Training = "yes" | "opt_out" | "no";

interface Source {
  fact: string;
  url?: string;
  asOf: string;
  topic?: string;
  kind?: string;
}

interface SharedHost {
  host: string;
  sharedWith: string[];
  inDomains?: boolean;
  note?: string;
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
  unknownFacts: { topic: string; note: string }[];
  accountTypes: { kind: string; name: string; signals: { kind: string; value: string }[] }[];
  sharedHosts: SharedHost[];
}

interface Catalog {
  catalogVersion: string;
  releaseDate: string;
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
  "unknownFacts",
  "accountTypes",
  "sharedHosts",
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
    expect(isValidDate(catalog.releaseDate)).toBe(true);
    expect(Array.isArray(providers)).toBe(true);
    expect(providers.length).toBeGreaterThanOrEqual(25);
  });

  it("parses with the contract the API loads it with", () => {
    const parsed = builtinCatalog.safeParse(catalog);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
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

    it("are never shadowed: every listed host and wildcard resolves to the provider that lists it", () => {
      // A wildcard may cover another provider's exact host (the most specific entry wins, as in the
      // engine's DomainIndex), but no pattern may be unreachable or resolve to someone else.
      for (const p of providers) {
        for (const d of p.domains) {
          const probe = d.startsWith("*.") ? `zz-probe.${d.slice(2)}` : d;
          expect({ slug: p.slug, pattern: d, resolvesTo: resolve(probe) }).toEqual({
            slug: p.slug,
            pattern: d,
            resolvesTo: p.slug,
          });
        }
      }
    });

    it("mark every host two services use as shared, and the shared hosts are consistent", () => {
      for (const p of providers) {
        for (const sh of p.sharedHosts) {
          expect({ slug: p.slug, host: sh.host, valid: HOST.test(sh.host), sharedWith: sh.sharedWith.length > 0 }).toEqual({
            slug: p.slug,
            host: sh.host,
            valid: true,
            sharedWith: true,
          });
          // inDomains says whether a block of this service also blocks the host.
          expect({ slug: p.slug, host: sh.host, inDomains: p.domains.includes(sh.host) }).toEqual({
            slug: p.slug,
            host: sh.host,
            inDomains: sh.inDomains === true,
          });
          // A shared host left out of domains must not be claimed by another catalog entry either.
          if (!sh.inDomains) expect({ host: sh.host, owner: resolve(sh.host) }).toEqual({ host: sh.host, owner: null });
        }
      }
    });

    it("cover the hosts the 2026 audit found letting blocked services through", () => {
      expect(resolve("ernie.baidu.com")).toBe("baidu-ernie-bot");
      expect(resolve("wenxin.baidu.com")).toBe("baidu-ernie-bot");
      expect(resolve("kimi.ai")).toBe("moonshot-kimi");
      expect(resolve("www.kimi.ai")).toBe("moonshot-kimi");
      expect(resolve("chat.qwenlm.ai")).toBe("alibaba-qwen");
      expect(resolve("www.tongyi.com")).toBe("alibaba-qwen");
      expect(resolve("abc.claudeusercontent.com")).toBe("anthropic-claude");
      expect(resolve("support.claude.com")).toBe("anthropic-claude");
      expect(resolve("docs.anthropic.com")).toBe("anthropic-claude");
      expect(resolve("api.anthropic.com")).toBe("anthropic-api");
      expect(resolve("platform.claude.com")).toBe("anthropic-api");
      expect(resolve("auth.openai.com")).toBe("openai-chatgpt");
      expect(resolve("edgeservices.bing.com")).toBe("microsoft-copilot");
      expect(resolve("www.dola.com")).toBe("bytedance-dola");
      expect(resolve("ark.ap-southeast.bytepluses.com")).toBe("byteplus-modelark");
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

  it("cites dated sources for every training, retention and storage claim, or says the fact is unknown", () => {
    const KINDS = ["provider", "regulator", "third_party", "audit"];
    const TOPICS = ["training", "retention", "storage", "sharing", "collection", "certifications", "domains", "account_types", "other"];
    for (const p of providers) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) {
        expect(s.fact.trim().length).toBeGreaterThan(0);
        expect({ slug: p.slug, fact: s.fact, kind: KINDS.includes(s.kind ?? ""), topic: TOPICS.includes(s.topic ?? "") }).toEqual({
          slug: p.slug,
          fact: s.fact,
          kind: true,
          topic: true,
        });
        // Only an audit without a public page may go without a URL.
        const urlOk = s.url === undefined ? s.kind === "audit" : isHttpsUrl(s.url);
        expect({ slug: p.slug, url: s.url, ok: urlOk }).toEqual({ slug: p.slug, url: s.url, ok: true });
        expect({ slug: p.slug, asOf: s.asOf, valid: isValidDate(s.asOf) }).toEqual({ slug: p.slug, asOf: s.asOf, valid: true });
        expect(s.asOf <= catalog.catalogVersion).toBe(true);
      }
      for (const u of p.unknownFacts) expect(TOPICS).toContain(u.topic);
      const covered = (topic: string) => p.sources.some((s) => s.topic === topic) || p.unknownFacts.some((u) => u.topic === topic);
      for (const topic of ["training", "retention", "storage"]) {
        expect({ slug: p.slug, topic, sourcedOrUnknown: covered(topic) }).toEqual({ slug: p.slug, topic, sourcedOrUnknown: true });
      }
      if (p.sharesWith.length) expect({ slug: p.slug, sharing: covered("sharing") }).toEqual({ slug: p.slug, sharing: true });
    }
  });

  it("keeps business-tier certifications off consumer entries and describes how the tiers differ", () => {
    for (const slug of ["openai-chatgpt", "anthropic-claude", "google-gemini"]) {
      expect({ slug, certifications: bySlug(slug).certifications }).toEqual({ slug, certifications: [] });
    }
    for (const slug of ["openai-chatgpt", "microsoft-365-copilot", "anthropic-claude", "google-gemini", "grammarly", "github-copilot"]) {
      const kinds = bySlug(slug).accountTypes.map((a) => a.kind);
      expect({ slug, consumer: kinds.includes("consumer"), business: kinds.includes("business") }).toEqual({ slug, consumer: true, business: true });
    }
    const workspaceHeader = bySlug("openai-chatgpt").accountTypes.flatMap((a) => a.signals).some((s) => /ChatGPT-Allowed-Workspace-Id/.test(s.value));
    expect(workspaceHeader).toBe(true);
    const m365 = bySlug("microsoft-365-copilot").sharedHosts.map((h) => h.host);
    expect(m365).toEqual(expect.arrayContaining(["m365.cloud.microsoft", "substrate.office.com"]));
  });

  it("records the corrections of the 2026 audit", () => {
    expect(bySlug("mistral-le-chat").notes).toMatch(/Free, Pro and Student/);
    expect(bySlug("anthropic-api").retention).toMatch(/Mythos/);
    expect(bySlug("anthropic-api").retentionDays).toBe(30);
    expect(bySlug("github-copilot").notes).toMatch(/2026-04-24/);
    expect(bySlug("grammarly").enterpriseOffering).toMatch(/ON by default/);
    expect(bySlug("deepseek").sharesWith.join(" ")).toMatch(/Volcano Engine/);
    expect(bySlug("deepl").notes).toMatch(/Asia-Pacific/);
  });

  it("re-verifies, in the 2026-12-03 release, every entry the 2026-12-02 release had not re-checked", () => {
    const rechecked = [
      "bytedance-doubao", "zhipu-chatglm", "z-ai", "minimax-hailuo", "tencent-yuanbao", "iflytek-spark", "openai-api",
      "google-gemini", "google-ai-studio", "meta-ai", "perplexity", "xai-grok", "manus", "character-ai", "poe", "huggingchat",
      "inflection-pi", "duckduckgo-duck-ai", "cohere", "cursor", "notion-ai", "jasper", "amazon-q-developer",
    ];
    for (const slug of rechecked) {
      const p = bySlug(slug);
      // Each was read again: a source retrieved that day, and what no stored source confirmed is said to be unknown.
      expect({ slug, reread: p.sources.some((s) => s.asOf === "2026-12-03") }).toEqual({ slug, reread: true });
    }
    // The corrections of that release.
    expect(bySlug("jasper").trainsOnInputs).toBe("opt_out");
    expect(bySlug("huggingchat").trainsOnInputs).toBe("opt_out");
    expect(bySlug("huggingchat").unknownFacts.some((u) => u.topic === "training")).toBe(true);
    expect(bySlug("google-ai-studio").retentionDays).toBe(55);
    expect(bySlug("amazon-q-developer").dataCountries).toEqual(expect.arrayContaining(["US", "DE"]));
    // Hosts a domain rule cannot separate from other services are marked.
    expect(bySlug("duckduckgo-duck-ai").sharedHosts.map((h) => h.host)).toContain("duckduckgo.com");
    expect(bySlug("xai-grok").sharedHosts.map((h) => h.host)).toContain("x.com");
    expect(bySlug("huggingchat").sharedHosts.find((h) => h.host === "huggingface.co")?.inDomains).toBe(true);
    for (const slug of ["perplexity", "cursor", "xai-grok"]) expect(bySlug(slug).accountTypes.length).toBeGreaterThanOrEqual(2);
    // API hosts that were missing.
    expect(resolve("api.manus.ai")).toBe("manus");
    expect(resolve("api.hunyuan.cloud.tencent.com")).toBe("tencent-yuanbao");
    expect(resolve("xingchen-api.xf-yun.com")).toBe("iflytek-spark");
  });

  it("re-checks, in the same 2026-12-03 release, the entries the 2026-12-02 release corrected", () => {
    const corrected = [
      "mistral-le-chat", "anthropic-api", "anthropic-claude", "microsoft-365-copilot", "microsoft-copilot", "github-copilot",
      "grammarly", "openai-chatgpt", "google-gemini", "deepseek", "baidu-ernie-bot", "moonshot-kimi", "alibaba-qwen", "deepl",
      "bytedance-dola", "byteplus-modelark",
    ];
    for (const slug of corrected) {
      const p = bySlug(slug);
      // Either a page read that day, or an unknown fact saying that nothing newer was found and what the facts rest on.
      const reread = p.sources.some((s) => s.asOf === "2026-12-03") || p.unknownFacts.some((u) => u.note.includes("2026-12-03"));
      expect({ slug, reread }).toEqual({ slug, reread: true });
    }
    // A signal that tells the tiers apart is backed by a source about account types.
    for (const p of providers) {
      const enforceable = p.accountTypes.flatMap((a) => a.signals).filter((s) => s.kind === "tenant_restriction" || s.kind === "header");
      if (enforceable.length) {
        expect({ slug: p.slug, sourced: p.sources.some((s) => s.topic === "account_types") }).toEqual({ slug: p.slug, sourced: true });
      }
    }
    const signals = (slug: string, kind: string) =>
      bySlug(slug).accountTypes.filter((a) => a.kind === kind).flatMap((a) => a.signals.map((s) => s.value)).join(" | ");
    expect(signals("anthropic-claude", "business")).toMatch(/anthropic-allowed-org-ids/);
    expect(signals("anthropic-api", "api")).toMatch(/anthropic-allowed-org-ids/);
    expect(signals("microsoft-365-copilot", "business")).toMatch(/Restrict-Access-To-Tenants/);
    expect(signals("microsoft-365-copilot", "consumer")).toMatch(/sec-Restrict-Tenant-Access-Policy/);
    expect(signals("google-gemini", "business")).toMatch(/X-GoogApps-Allowed-Domains/);
    expect(signals("github-copilot", "consumer")).toMatch(/individual\.githubcopilot\.com/);
    expect(bySlug("anthropic-claude").unknownFacts.some((u) => u.topic === "account_types")).toBe(false);
    // GitHub's per-plan API hosts, and the GitHub API host Copilot shares.
    expect(resolve("api.individual.githubcopilot.com")).toBe("github-copilot");
    expect(resolve("api.business.githubcopilot.com")).toBe("github-copilot");
    expect(resolve("api.github.com")).toBeNull();
    expect(bySlug("github-copilot").sharedHosts.map((h) => h.host)).toContain("api.github.com");
    // BytePlus processes in Malaysia and Indonesia (its data-processing page), not Singapore as inferred before.
    expect(bySlug("byteplus-modelark").dataCountries).toEqual(["MY", "ID"]);
    expect(bySlug("byteplus-modelark").sources.some((s) => s.topic === "storage" && s.kind === "provider")).toBe(true);
    // DeepL's three processing regions stay sourced by its own page.
    expect(bySlug("deepl").sources.some((s) => s.topic === "storage" && s.kind === "provider" && /Asia-Pacific/.test(s.fact))).toBe(true);
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

  it("lists CN among the storage countries of every China-headquartered provider (Dola stores abroad, per its sources)", () => {
    for (const p of providers.filter((x) => x.hqCountry === "CN" && x.slug !== "bytedance-dola")) {
      expect({
        slug: p.slug,
        storesInCn: p.dataCountries.includes("CN"),
      }).toEqual({ slug: p.slug, storesInCn: true });
    }
  });
});
