import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { loadConfig } from '../../apps/api/src/config/config';

/**
 * The Kubernetes manifests, checked without a cluster: each object against the Kubernetes JSON
 * schema of its kind (kubernetes-models, generated from the Kubernetes OpenAPI), and against each
 * other and the product: selectors that match, probes on the routes the API serves, settings the
 * API accepts, shutdown timings that let a pod drain.
 */
const DIR = __dirname;
// kubernetes-models is published for `import` only, which jest's CommonJS resolver cannot load:
// the schema check runs in plain Node (validate.mjs, which operators can run on their own edits).
const VALIDATE = path.join(DIR, 'validate.mjs');
interface Validation {
  file: string;
  kind: string | null;
  name: string | null;
  errors: string[];
}
const parseLines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Validation);

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [k: string]: any;
}

const manifests: Manifest[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { ...(doc.toJS() as Manifest), file };
    }),
  );
const one = (kind: string) => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('deploy/kubernetes', () => {
  it('has a Deployment, Service, ConfigMap, Secret, PodDisruptionBudget and HorizontalPodAutoscaler', () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Secret', 'Service']);
  });

  it('is valid against the Kubernetes schema of each kind', () => {
    const results = parseLines(execFileSync(process.execPath, [VALIDATE], { encoding: 'utf8' }));
    expect(results.map((r) => r.kind).sort()).toEqual(manifests.map((m) => m.kind).sort());
    for (const r of results) expect([r.file, r.kind, r.errors]).toEqual([r.file, r.kind, []]);
  });

  it('rejects what is not valid (the schema check is real)', () => {
    const broken = structuredClone(one('Deployment'));
    delete (broken as Partial<Manifest>).file;
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'three thousand';
    delete broken.spec.selector;
    const run = spawnSync(process.execPath, [VALIDATE, '-'], { input: stringify(broken), encoding: 'utf8' });
    expect(run.status).toBe(1);
    const [result] = parseLines(run.stdout);
    expect(result!.errors.join(' ')).toMatch(/selector/);
    expect(result!.errors.join(' ')).toMatch(/containerPort/);
  });

  it('wires the Service, PodDisruptionBudget and autoscaler to the Deployment', () => {
    const deployment = one('Deployment');
    const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;
    const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
    expect(matches(one('Service').spec.selector)).toBe(true);
    expect(matches(one('PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
    const target = one('HorizontalPodAutoscaler').spec.scaleTargetRef;
    expect(target).toMatchObject({ apiVersion: deployment.apiVersion, kind: 'Deployment', name: deployment.metadata.name });
    // The Service's named target port is the container's.
    const container = deployment.spec.template.spec.containers[0];
    expect(container.ports.map((p: { name: string }) => p.name)).toContain(one('Service').spec.ports[0].targetPort);
    // A rollout never goes below the replicas asked for, and the autoscaler's floor leaves the PDB room.
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(one('HorizontalPodAutoscaler').spec.minReplicas).toBeGreaterThan(one('PodDisruptionBudget').spec.maxUnavailable);
  });

  it('probes readiness on /readyz and liveness on /healthz, and lets a pod drain before it is killed', () => {
    const spec = one('Deployment').spec.template.spec;
    const container = spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    const config = one('ConfigMap').data as Record<string, string>;
    const grace = Number(config.AIRLOCK_SHUTDOWN_GRACE_SECONDS);
    const probe = container.readinessProbe;
    // The Service stops sending before the listener closes, and the kill comes after the drain
    // (grace, then up to 10 s for requests in flight and the last decision log flush).
    expect(grace).toBeGreaterThanOrEqual(probe.periodSeconds * probe.failureThreshold);
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(grace + 10);
  });

  it('takes its settings from the ConfigMap and the Secret, which the API accepts', () => {
    const container = one('Deployment').spec.template.spec.containers[0];
    expect(container.envFrom).toEqual([{ configMapRef: { name: one('ConfigMap').metadata.name } }, { secretRef: { name: one('Secret').metadata.name } }]);
    const env = Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    const settings = { ...one('ConfigMap').data, ...one('Secret').stringData, ...env } as Record<string, string>;
    // Every key is one the API reads (a typo would be ignored silently), and the values parse.
    const source = readFileSync(path.resolve(DIR, '../../apps/api/src/config/config.ts'), 'utf8');
    for (const key of Object.keys(settings)) expect([key, source.includes(`${key}:`)]).toEqual([key, true]);
    const config = loadConfig({ NODE_ENV: 'production', ...settings });
    expect(config.port).toBe(Number(container.ports[0].containerPort));
    // Secrets stay out of the ConfigMap.
    for (const key of Object.keys(one('ConfigMap').data)) expect(key).not.toMatch(/DATABASE_URL|SECRET|PASSWORD|REDIS_URL|KEY/);
  });

  it('keeps the last-known-good state on a writable volume under a read-only root', () => {
    const spec = one('Deployment').spec.template.spec;
    const container = spec.containers[0];
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    const dir = (container.env as { name: string; value: string }[]).find((e) => e.name === 'AIRLOCK_STATE_DIR')?.value;
    expect(dir).toBeTruthy();
    const mount = (container.volumeMounts as { name: string; mountPath: string }[]).find((m) => m.mountPath === dir);
    expect(mount).toBeDefined();
    const volume = (spec.volumes as { name: string; emptyDir?: unknown }[]).find((v) => v.name === mount!.name);
    expect(volume?.emptyDir).toBeDefined();
    // The image makes the same directory, owned by the user the pod runs as, and says it is a volume.
    const dockerfile = readFileSync(path.resolve(DIR, '../../Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ENV AIRLOCK_STATE_DIR=${dir}`);
    expect(dockerfile).toMatch(new RegExp(`VOLUME \\["${dir}"\\]`));
    expect(spec.securityContext.runAsUser).toBe(1000); // node's uid in node:20-bookworm-slim
  });
});
