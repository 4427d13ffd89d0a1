import { asc, eq, and, sql } from 'drizzle-orm';
import type { Team } from '@shared/contract';
import type { Database } from '../db/database';
import { memberships, teams, users } from '../db/schema';
import { conflict, notFound } from '../kernel/errors';
import type { WritePath } from '../kernel/write-path';

/** Teams and who is in them. Membership decides who sees `team` content, so changes reach the caches. */
export class TeamService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
  ) {}

  async list(): Promise<Team[]> {
    const db = this.database.db;
    const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
    const members = await db
      .select({ teamId: memberships.teamId, id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.name));
    return rows.map((t) => ({
      ...t,
      members: members.filter((m) => m.teamId === t.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  async get(id: string): Promise<Team> {
    const team = (await this.list()).find((t) => t.id === id);
    if (!team) throw notFound('Team');
    return team;
  }

  async create(name: string): Promise<Team> {
    const [taken] = await this.database.db.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
    if (taken) throw conflict('team_exists', `A team named "${name}" already exists.`);
    const [row] = await this.database.db.insert(teams).values({ name }).returning({ id: teams.id, name: teams.name });
    return { ...row!, members: [] };
  }

  async addMember(teamId: string, userId: string): Promise<Team> {
    await this.writes.write(async (tx, changed) => {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
      if (!team) throw notFound('Team');
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw notFound('User');
      await tx.insert(memberships).values({ teamId, userId }).onConflictDoNothing();
      changed({ t: 'user', id: userId });
    });
    return this.get(teamId);
  }

  async removeMember(teamId: string, userId: string): Promise<Team> {
    await this.writes.write(async (tx, changed) => {
      const gone = await tx
        .delete(memberships)
        .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
        .returning({ userId: memberships.userId });
      if (gone.length === 0) throw notFound('Membership');
      changed({ t: 'user', id: userId });
    });
    return this.get(teamId);
  }

  async remove(teamId: string): Promise<void> {
    await this.writes.write(async (tx, changed) => {
      const gone = await tx.delete(teams).where(eq(teams.id, teamId)).returning({ id: teams.id });
      if (gone.length === 0) throw notFound('Team');
      // Team content goes with the team (cascade), and every member's visibility changes.
      changed({ t: 'all' });
    });
  }
}
