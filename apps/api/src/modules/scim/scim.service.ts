import { Inject, Injectable } from '@nestjs/common';
import { SCIM_MAX_RESULTS, SCIM_SCHEMA, type ScimGroupInput, type ScimGroupOutput, scimListQuery, type ScimPatch, type ScimUserInput, type ScimUserOutput } from '@airlock/contracts';
import type { z } from 'zod';

import { ScimError } from '../../common/scim-error-response';
import { TimeSlice } from '../../common/time-slice';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { SessionService } from '../auth/session.service';
import { parseScimFilter, parseScimPath } from './scim-filter';
import { SCIM_ORDER, type ScimGroupFilter, ScimRepository, type ScimGroupRow, type ScimUserFilter, type ScimUserRow } from './scim.repository';
import { applyUserPatch, fieldsFromInput, splitName, type ScimUserFields } from './scim-user-model';

type ListQuery = z.output<typeof scimListQuery>;
type Projection = { attributes?: string; excludedAttributes?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const userNotFound = () => new ScimError('not_found', undefined, 'User not found');
const groupNotFound = () => new ScimError('not_found', undefined, 'Group not found');

/** What the audit log keeps of a user changed through SCIM. */
function userAudit(u: ScimUserRow) {
  return { email: u.email, name: u.name, disabled: u.disabled, externalId: u.externalId, provisionedBy: u.provisionedBy, via: 'scim' };
}

/** A group's name from its display name: the slug policies and User.groups use. */
export function slugOf(displayName: string): string {
  const s = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return s || 'group';
}

/** Keeps only the attributes asked for (RFC 7644 3.4.2.5); `schemas`, `id` and `meta` always stay. */
function project<T extends Record<string, unknown>>(resource: T, q: Projection): Partial<T> {
  const names = (s: string | undefined) => (s ? s.split(',').map((a) => a.trim().split('.')[0]!.split('[')[0]!.toLowerCase()).filter(Boolean) : []);
  const only = names(q.attributes);
  const without = names(q.excludedAttributes);
  const always = new Set(['schemas', 'id', 'meta']);
  return Object.fromEntries(
    Object.entries(resource).filter(([k]) => always.has(k) || ((!only.length || only.includes(k.toLowerCase())) && !without.includes(k.toLowerCase()))),
  ) as Partial<T>;
}

/** Members read per query: a group can have 100,000 (an 18 MB answer). */
const MEMBERS_PAGE = 2000;
/** Writing a group's members hands the event loop over at least this often. */
const SCIM_SLICE_MS = 5;
/** Where a group's members go in its JSON, written in as they are read (see groupJson). */
const MEMBERS_SLOT = '\u0000members\u0000';

interface ScimMember {
  value: string;
  display: string;
  type: 'User';
  $ref: string;
}

/**
 * A resource's JSON text with its members (at MEMBERS_SLOT, when the projection kept them) written
 * in as they come, pausing when due: building and serialising 100,000 members at once held the
 * worker for a second. Without the slot, the members are not read at all.
 */
async function* groupJson(resource: Record<string, unknown>, members: () => AsyncIterable<ScimMember>, slice: TimeSlice): AsyncGenerator<string> {
  const text = JSON.stringify(resource);
  const slot = JSON.stringify(MEMBERS_SLOT);
  const at = text.indexOf(slot);
  if (at === -1) {
    yield text;
    return;
  }
  let chunk = `${text.slice(0, at)}[`;
  let first = true;
  for await (const m of members()) {
    chunk += (first ? '' : ',') + JSON.stringify(m);
    first = false;
    if (slice.due()) {
      yield chunk;
      chunk = '';
      await slice.pause();
    }
  }
  yield `${chunk}]${text.slice(at + slot.length)}`;
}

/**
 * SCIM 2.0 provisioning of one organization's users and groups (the organization of the calling
 * API client). Every change runs in one transaction with its audit event (actor: the API client).
 * Deactivating a user (`active: false`, or DELETE) ends their sessions in that transaction.
 * SCIM-created users are employees without a password, marked `provisionedBy: 'scim'`: they sign
 * in with SSO, where the identity provider's role mapping applies.
 */
@Injectable()
export class ScimService {
  constructor(
    private readonly repo: ScimRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private location(kind: 'Users' | 'Groups', id: string): string {
    return `${this.config.publicUrl}/scim/v2/${kind}/${id}`;
  }

  private page(q: ListQuery): { skip: number; take: number; startIndex: number } {
    const startIndex = Math.max(1, q.startIndex ?? 1);
    return { startIndex, skip: startIndex - 1, take: Math.min(Math.max(0, q.count ?? 100), SCIM_MAX_RESULTS) };
  }

  private listResponse(resources: unknown[], total: number, startIndex: number) {
    return { schemas: [SCIM_SCHEMA.listResponse], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
  }

  // --- users -------------------------------------------------------------------------------------

  private async userResources(organizationId: string, rows: ScimUserRow[]): Promise<(ScimUserOutput & Record<string, unknown>)[]> {
    const groups = await this.repo.groupsNamed(organizationId, [...new Set(rows.flatMap((r) => r.groups))]);
    const byName = new Map(groups.map((g) => [g.name, g]));
    return rows.map((u) => {
      const { givenName, familyName } = splitName(u.name);
      return {
        schemas: [SCIM_SCHEMA.user],
        id: u.id,
        ...(u.externalId ? { externalId: u.externalId } : {}),
        userName: u.email,
        name: { formatted: u.name, givenName, familyName },
        displayName: u.name,
        emails: [{ value: u.email, type: 'work', primary: true }],
        active: !u.disabled,
        groups: u.groups
          .map((n) => byName.get(n))
          .filter((g): g is ScimGroupRow => g !== undefined)
          .map((g) => ({ value: g.id, display: g.displayName ?? g.name, $ref: this.location('Groups', g.id) })),
        meta: { resourceType: 'User', created: u.createdAt.toISOString(), lastModified: u.updatedAt.toISOString(), location: this.location('Users', u.id) },
      };
    });
  }

  private async userResource(organizationId: string, row: ScimUserRow) {
    return (await this.userResources(organizationId, [row]))[0]!;
  }

  async listUsers(organizationId: string, q: ListQuery) {
    const filter = this.userFilter(q.filter);
    const { skip, take, startIndex } = this.page(q);
    const [rows, total] = filter === null ? [[], 0] : await this.repo.listUsers(organizationId, filter, SCIM_ORDER, { skip, take });
    const resources = await this.userResources(organizationId, rows);
    return this.listResponse(resources.map((r) => project(r, q)), total, startIndex);
  }

  /** The SCIM filter as the repository's; null when it can match nothing (an id that is not a UUID). */
  private userFilter(filter: string | undefined): ScimUserFilter | null {
    if (!filter) return {};
    const f = parseScimFilter(filter, ['username', 'externalid', 'id', 'emails.value', 'emails']);
    if (typeof f.value !== 'string') throw new ScimError('bad_request', 'invalidFilter', 'Compare these attributes with a string');
    switch (f.attribute) {
      case 'username':
      case 'emails':
      case 'emails.value':
        return { email: f.value.trim().toLowerCase() };
      case 'externalid':
        return { externalId: f.value };
      default:
        return UUID.test(f.value) ? { id: f.value } : null;
    }
  }

  async getUser(organizationId: string, id: string, q: Projection) {
    const row = UUID.test(id) ? await this.repo.findUser(organizationId, id) : null;
    if (!row) throw userNotFound();
    return project(await this.userResource(organizationId, row), q);
  }

  async createUser(organizationId: string, actor: Actor, input: ScimUserInput) {
    const fields = fieldsFromInput(input);
    return this.transactions.run(async () => {
      const holder = await this.repo.emailHolder(fields.email);
      let row: ScimUserRow;
      if (holder && holder.organizationId === organizationId && holder.scimDeletedAt) {
        // Provisioned again after a SCIM DELETE: the same row comes back, so the audit trail stays one.
        row = await this.repo.updateUser(holder.id, { name: fields.name, externalId: fields.externalId, disabled: fields.active === false, scimDeletedAt: null });
        await this.audit.record({ organizationId, actor, action: 'user.create', entityType: 'User', entityId: row.id, after: { ...userAudit(row), restored: true } });
      } else {
        if (holder) throw new ScimError('conflict', 'uniqueness', 'A user with this userName (e-mail address) already exists');
        row = await this.repo.createUser({ organizationId, email: fields.email, name: fields.name, externalId: fields.externalId, disabled: fields.active === false });
        await this.audit.record({ organizationId, actor, action: 'user.create', entityType: 'User', entityId: row.id, after: userAudit(row) });
      }
      return this.userResource(organizationId, row);
    });
  }

  async replaceUser(organizationId: string, actor: Actor, id: string, input: ScimUserInput) {
    const fields = fieldsFromInput(input);
    return this.changeUser(organizationId, actor, id, () => fields);
  }

  async patchUser(organizationId: string, actor: Actor, id: string, patch: ScimPatch) {
    return this.changeUser(organizationId, actor, id, (current) => applyUserPatch(current, patch.Operations));
  }

  async deleteUser(organizationId: string, actor: Actor, id: string): Promise<void> {
    if (!UUID.test(id)) throw userNotFound();
    await this.transactions.run(async () => {
      if (!(await this.repo.lockUser(organizationId, id))) throw userNotFound();
      const before = (await this.repo.findUser(organizationId, id))!;
      if (!before.disabled) await this.assertKeepsAnOwner(organizationId, before);
      const after = await this.repo.updateUser(id, { disabled: true, scimDeletedAt: new Date() });
      const sessionsEnded = await this.sessions.destroyAllForUser(organizationId, id);
      await this.audit.record({ organizationId, actor, action: 'user.delete', entityType: 'User', entityId: id, before: userAudit(before), after: { ...userAudit(after), sessionsEnded } });
    });
  }

  private async assertKeepsAnOwner(organizationId: string, user: ScimUserRow): Promise<void> {
    if (user.role !== 'owner') return;
    const owners = await this.repo.lockActiveOwners(organizationId);
    if (owners.every((o) => o === user.id)) {
      throw new ScimError('bad_request', 'mutability', 'This is the last owner of the organization who can sign in: make another user owner in Airlock first');
    }
  }

  /** One change to one user (PUT or PATCH), under its row lock, audited, sessions ended on deactivation. */
  private async changeUser(organizationId: string, actor: Actor, id: string, next: (current: Required<ScimUserFields>) => ScimUserFields) {
    if (!UUID.test(id)) throw userNotFound();
    return this.transactions.run(async () => {
      if (!(await this.repo.lockUser(organizationId, id))) throw userNotFound();
      const before = (await this.repo.findUser(organizationId, id))!;
      const wanted = next({ email: before.email, name: before.name, active: !before.disabled, externalId: before.externalId });
      const data: { email?: string; name?: string; externalId?: string | null; disabled?: boolean } = {};
      if (wanted.email !== before.email) data.email = wanted.email;
      if (wanted.name !== before.name) data.name = wanted.name;
      if (wanted.externalId !== before.externalId) data.externalId = wanted.externalId;
      if (wanted.active !== undefined && wanted.active === before.disabled) data.disabled = !wanted.active;
      if (Object.keys(data).length === 0) return this.userResource(organizationId, before);
      if (data.email) {
        const holder = await this.repo.emailHolder(data.email);
        if (holder && holder.id !== id) throw new ScimError('conflict', 'uniqueness', 'Another user has this userName (e-mail address)');
      }
      if (data.disabled === true) await this.assertKeepsAnOwner(organizationId, before);
      const after = await this.repo.updateUser(id, data);
      const sessionsEnded = data.disabled === true ? await this.sessions.destroyAllForUser(organizationId, id) : undefined;
      const keys = Object.keys(data) as (keyof typeof data)[];
      const pick = (u: ScimUserRow) => Object.fromEntries(keys.map((k) => [k, u[k]]));
      await this.audit.record({
        organizationId,
        actor,
        action: data.disabled === true ? 'user.disable' : data.disabled === false ? 'user.enable' : 'user.update',
        entityType: 'User',
        entityId: id,
        before: pick(before),
        after: { ...pick(after), via: 'scim', ...(sessionsEnded !== undefined ? { sessionsEnded } : {}) },
      });
      return this.userResource(organizationId, after);
    });
  }

  // --- groups ------------------------------------------------------------------------------------

  /** A group's live members as SCIM answers them, a page at a time, pausing when due. */
  private async *memberEntries(organizationId: string, groupName: string): AsyncGenerator<ScimMember> {
    const slice = new TimeSlice(SCIM_SLICE_MS);
    let after: string | null = null;
    for (;;) {
      const page = await this.repo.membersPage(organizationId, groupName, after, MEMBERS_PAGE);
      for (const m of page) {
        if (slice.due()) await slice.pause();
        yield { value: m.id, display: m.email, type: 'User', $ref: this.location('Users', m.id) };
      }
      if (page.length < MEMBERS_PAGE) return;
      after = page[page.length - 1]!.email;
    }
  }

  /** The group without its members; `members` holds MEMBERS_SLOT when they are to be written in (groupJson). */
  private groupShell(g: ScimGroupRow, withMembers: boolean): ScimGroupOutput & Record<string, unknown> {
    return {
      schemas: [SCIM_SCHEMA.group],
      id: g.id,
      ...(g.externalId ? { externalId: g.externalId } : {}),
      displayName: g.displayName ?? g.name,
      ...(withMembers ? { members: MEMBERS_SLOT as unknown as ScimMember[] } : {}),
      meta: { resourceType: 'Group', created: g.createdAt.toISOString(), lastModified: g.updatedAt.toISOString(), location: this.location('Groups', g.id) },
    };
  }

  /** The group with its members as an object: for a group just created, whose members the request itself listed. */
  private async groupResource(organizationId: string, g: ScimGroupRow): Promise<ScimGroupOutput & Record<string, unknown>> {
    const members: ScimMember[] = [];
    for await (const m of this.memberEntries(organizationId, g.name)) members.push(m);
    return { ...this.groupShell(g, true), members };
  }

  private wantsMembers(q: Projection): boolean {
    const has = (s: string | undefined) => (s ?? '').split(',').some((a) => a.trim().toLowerCase().startsWith('members'));
    return !has(q.excludedAttributes) && (!q.attributes || has(q.attributes));
  }

  async listGroups(organizationId: string, q: ListQuery) {
    let filter: ScimGroupFilter | null = {};
    if (q.filter) {
      const f = parseScimFilter(q.filter, ['displayname', 'externalid', 'id']);
      if (typeof f.value !== 'string') throw new ScimError('bad_request', 'invalidFilter', 'Compare these attributes with a string');
      filter =
        f.attribute === 'displayname'
          ? { displayName: f.value }
          : f.attribute === 'externalid'
            ? { externalId: f.value }
            : UUID.test(f.value)
              ? { id: f.value }
              : null;
    }
    const { skip, take, startIndex } = this.page(q);
    const [rows, total] = filter === null ? [[], 0] : await this.repo.listGroups(organizationId, filter, SCIM_ORDER, { skip, take });
    const withMembers = this.wantsMembers(q);
    // The list's JSON text, each group's members written in as they are read (groupJson); the
    // groups are read before anything is sent, so a bad query is an error answer.
    const envelope = JSON.stringify({ ...this.listResponse([], total, startIndex), itemsPerPage: rows.length });
    const shells = rows.map((g) => ({ g, resource: project(this.groupShell(g, withMembers), q) }));
    const members = (g: ScimGroupRow) => () => this.memberEntries(organizationId, g.name);
    return (async function* json(): AsyncGenerator<string> {
      const slice = new TimeSlice(SCIM_SLICE_MS);
      yield envelope.slice(0, -2); // up to `"Resources":[`
      let first = true;
      for (const { g, resource } of shells) {
        if (!first) yield ',';
        first = false;
        yield* groupJson(resource, members(g), slice);
      }
      yield ']}';
    })();
  }

  /** The group as JSON text, its members (unless excluded) written in as they are read. */
  async getGroup(organizationId: string, id: string, q: Projection): Promise<AsyncIterable<string>> {
    const g = UUID.test(id) ? await this.repo.findGroup(organizationId, id) : null;
    if (!g) throw groupNotFound();
    const resource = project(this.groupShell(g, this.wantsMembers(q)), q);
    return groupJson(resource, () => this.memberEntries(organizationId, g.name), new TimeSlice(SCIM_SLICE_MS));
  }

  /** Member ids that are live users of the organization; any other is a 400 (another organization's included). */
  private async checkMembers(organizationId: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const bad = unique.filter((id) => !UUID.test(id));
    const live = await this.repo.liveUserIds(organizationId, unique.filter((id) => UUID.test(id)));
    const missing = [...bad, ...unique.filter((id) => UUID.test(id) && !live.has(id))];
    if (missing.length) throw new ScimError('bad_request', 'invalidValue', `No such user: ${missing.slice(0, 5).join(', ')}`);
    return unique;
  }

  private async assertDisplayNameFree(organizationId: string, displayName: string, exceptId?: string): Promise<void> {
    if (await this.repo.groupWithDisplayName(organizationId, displayName, exceptId)) throw new ScimError('conflict', 'uniqueness', `A group named "${displayName}" already exists`);
  }

  async createGroup(organizationId: string, actor: Actor, input: ScimGroupInput) {
    return this.transactions.run(async () => {
      await this.assertDisplayNameFree(organizationId, input.displayName);
      const members = await this.checkMembers(organizationId, (input.members ?? []).map((m) => m.value));
      const base = slugOf(input.displayName);
      const taken = await this.repo.groupNamesLike(organizationId, base);
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      const g = await this.repo.createGroup({ organizationId, name, displayName: input.displayName, externalId: input.externalId?.trim() || null });
      await this.repo.addMembers(organizationId, g.name, members);
      await this.audit.record({ organizationId, actor, action: 'group.create', entityType: 'Group', entityId: g.id, after: { ...g, members, via: 'scim' } });
      return this.groupResource(organizationId, g);
    });
  }

  async replaceGroup(organizationId: string, actor: Actor, id: string, input: ScimGroupInput) {
    return this.changeGroup(organizationId, actor, id, async (g, current) => ({
      displayName: input.displayName,
      externalId: input.externalId?.trim() || null,
      members: input.members ? await this.checkMembers(organizationId, input.members.map((m) => m.value)) : current,
    }));
  }

  /**
   * PATCH: `members` add/remove/replace (values `[{ "value": "<user id>" }]`), `members[value eq "<id>"]`
   * remove, `displayName` and `externalId`, with or without a path (Okta sends
   * `{"op":"replace","value":{"id":"…","displayName":"…"}}` to rename).
   */
  async patchGroup(organizationId: string, actor: Actor, id: string, patch: ScimPatch) {
    return this.changeGroup(organizationId, actor, id, async (g, current) => {
      let displayName = g.displayName ?? g.name;
      let externalId = g.externalId;
      const members = new Set(current);
      const memberValues = (value: unknown): string[] => {
        const list = Array.isArray(value) ? value : [value];
        return list.map((m) => {
          const v = m && typeof m === 'object' ? (m as { value?: unknown }).value : undefined;
          if (typeof v !== 'string') throw new ScimError('bad_request', 'invalidValue', 'members must be a list of { "value": "<user id>" }');
          return v;
        });
      };
      const apply = async (op: 'add' | 'replace' | 'remove', path: string, value: unknown) => {
        const p = parseScimPath(path, [SCIM_SCHEMA.group]);
        switch (p.attribute) {
          case 'members': {
            if (p.filter) {
              if (op !== 'remove' || p.filter.attribute !== 'value' || typeof p.filter.value !== 'string') throw new ScimError('bad_request', 'invalidPath', 'Only remove takes members[value eq "<id>"]');
              members.delete(p.filter.value);
              return;
            }
            if (op === 'remove') {
              if (value === undefined || value === null) members.clear();
              else for (const v of memberValues(value)) members.delete(v);
              return;
            }
            const values = value === null ? [] : await this.checkMembers(organizationId, memberValues(value));
            if (op === 'replace') members.clear();
            for (const v of values) members.add(v);
            return;
          }
          case 'displayname':
            if (op === 'remove') throw new ScimError('bad_request', 'mutability', 'displayName is required');
            if (typeof value !== 'string' || !value.trim() || value.length > 200) throw new ScimError('bad_request', 'invalidValue', 'displayName must be text of 1 to 200 characters');
            displayName = value.trim();
            return;
          case 'externalid':
            if (op !== 'remove' && value !== null && typeof value !== 'string') throw new ScimError('bad_request', 'invalidValue', 'externalId must be a string');
            externalId = op === 'remove' ? null : ((value as string | null)?.trim() || null);
            return;
          case 'id':
            if (value !== g.id) throw new ScimError('bad_request', 'mutability', 'id is read-only');
            return;
          default:
            throw new ScimError('bad_request', 'invalidPath', `"${path.slice(0, 200)}" is not an attribute of a Group`);
        }
      };
      for (const o of patch.Operations) {
        if (o.path) {
          await apply(o.op, o.path, o.value);
          continue;
        }
        if (o.op === 'remove') throw new ScimError('bad_request', 'noTarget', 'A remove operation needs a path');
        if (!o.value || typeof o.value !== 'object' || Array.isArray(o.value)) throw new ScimError('bad_request', 'invalidValue', `An ${o.op} without a path needs an object of attributes as its value`);
        for (const [k, v] of Object.entries(o.value as Record<string, unknown>)) await apply(o.op, k, v);
      }
      return { displayName, externalId, members: [...members] };
    });
  }

  private async changeGroup(
    organizationId: string,
    actor: Actor,
    id: string,
    next: (g: ScimGroupRow, members: string[]) => Promise<{ displayName: string; externalId: string | null; members: string[] }>,
  ): Promise<void> {
    if (!UUID.test(id)) throw groupNotFound();
    await this.transactions.run(async () => {
      if (!(await this.repo.lockGroup(organizationId, id))) throw groupNotFound();
      const g = (await this.repo.findGroup(organizationId, id))!;
      const current: string[] = [];
      for await (const m of this.memberEntries(organizationId, g.name)) current.push(m.value);
      const wanted = await next(g, current);
      const data: { displayName?: string; externalId?: string | null } = {};
      if (wanted.displayName !== (g.displayName ?? g.name)) {
        await this.assertDisplayNameFree(organizationId, wanted.displayName, id);
        data.displayName = wanted.displayName;
      }
      if (wanted.externalId !== g.externalId) data.externalId = wanted.externalId;
      const had = new Set(current);
      const want = new Set(wanted.members);
      const added = wanted.members.filter((m) => !had.has(m));
      const removed = current.filter((m) => !want.has(m));
      if (!Object.keys(data).length && !added.length && !removed.length) return;
      const after = Object.keys(data).length ? await this.repo.updateGroup(id, data) : g;
      await this.repo.addMembers(organizationId, g.name, added);
      await this.repo.removeMembers(organizationId, g.name, removed);
      await this.audit.record({
        organizationId,
        actor,
        action: Object.keys(data).length ? 'group.update' : 'group.members',
        entityType: 'Group',
        entityId: id,
        before: { displayName: g.displayName, externalId: g.externalId },
        after: { displayName: after.displayName, externalId: after.externalId, membersAdded: added, membersRemoved: removed, via: 'scim' },
      });
    });
  }

  /** Removes the group and every membership in it (User.groups). */
  async deleteGroup(organizationId: string, actor: Actor, id: string): Promise<void> {
    if (!UUID.test(id)) throw groupNotFound();
    await this.transactions.run(async () => {
      if (!(await this.repo.lockGroup(organizationId, id))) throw groupNotFound();
      const g = (await this.repo.findGroup(organizationId, id))!;
      const membersRemoved = await this.repo.removeMembers(organizationId, g.name, null);
      await this.repo.deleteGroup(id);
      await this.audit.record({ organizationId, actor, action: 'group.delete', entityType: 'Group', entityId: id, before: { ...g, membersRemoved, via: 'scim' } });
    });
  }
}

