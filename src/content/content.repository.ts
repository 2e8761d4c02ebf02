import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';

/** What the content feature reads of entries itself. */
@Injectable()
export class ContentRepository {
  constructor(private readonly sql: Sql) {}

  /** When the project's next scheduled entry is due to be published (epoch ms), if it has one. */
  async nextPublication(projectId: number): Promise<number | null> {
    const { rows } = await this.sql.query<{ next: number | null }>(
      `SELECT extract(epoch FROM min(published))::float8 * 1000 AS next
         FROM entry WHERE project_id = $1 AND published > now()`,
      [projectId],
    );
    return rows[0]?.next ?? null;
  }
}
