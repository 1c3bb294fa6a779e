import { iso } from '../../common/list-response';
import type { DataClassOutput, GroupOutput, ZoneOutput } from '@airlock/contracts';
import type { DataClass, Group, NetworkZone } from '../../generated/prisma/client';

export const toZoneOutput = (z: NetworkZone): ZoneOutput => ({ id: z.id, name: z.name, description: z.description, cidrs: z.cidrs, createdAt: iso(z.createdAt), updatedAt: iso(z.updatedAt) });

export const toGroupOutput = (g: Group): GroupOutput => ({ id: g.id, name: g.name, description: g.description, ssoGroups: g.ssoGroups, createdAt: iso(g.createdAt), updatedAt: iso(g.updatedAt) });

export const toDataClassOutput = (d: DataClass): DataClassOutput => ({ id: d.id, key: d.key, name: d.name, description: d.description, builtin: d.builtin, createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt) });
