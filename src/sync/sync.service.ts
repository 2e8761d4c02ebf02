import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiError, ValidationError } from '../common/api-error';
import { appConfig, AppConfig, authConfig, AuthConfig } from '../config/configuration';
import { toEntryDto } from '../entries/entries.repository';
import { EntryTypesService } from '../entry-types/entry-types.service';
import { SyncItem, SyncPageDto, SyncQueryDto } from './dto/sync.dto';
import { SyncRepository } from './sync.repository';
import { SyncAudience, SyncPoint, SyncState, SyncTokenCodec } from './sync-token';

/** The project and kind of caller a pass belongs to: its tokens are good for no other. */
export interface SyncReader {
  projectId: number;
  audience: SyncAudience;
}

/** Where a token resumes: a sync token starts a new pass (`until` is then this call's now). */
interface Resumed {
  since: SyncPoint | null;
  until: SyncPoint | null;
  afterId: number;
}

/**
 * Full passes and deltas over a project's entries, as build pipelines and
 * search indexers read them.
 *
 * What "since" means: a point holds the database's snapshot (which
 * transactions had committed) besides its clock, and a delta is every row
 * written by a transaction that snapshot did not see. A timestamp would not
 * do: `modified_at` is when a writing transaction started, so one that
 * commits after a read but started before it would be missed for good, and
 * a safety window only narrows that (a lock wait or a slow bulk delete can
 * outlast any window). Transactions still running at a point count as
 * unseen, so nothing is missed and nothing is sent twice for a write; only
 * `published` instants, which pass by the clock, use the point's time.
 * Pages of one pass read the newest data, so a change made during a pass
 * may be delivered in it and again in the next delta: clients apply items
 * by id, and a repeated item is harmless.
 */
@Injectable()
export class SyncService {
  private readonly tokens: SyncTokenCodec;
  private readonly retentionMicros: number;

  constructor(
    private readonly repository: SyncRepository,
    private readonly entryTypes: EntryTypesService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.tokens = new SyncTokenCodec(auth.jwtSecret);
    this.retentionMicros = app.syncRetentionSeconds * 1_000_000;
  }

  async page(reader: SyncReader, query: SyncQueryDto): Promise<SyncPageDto> {
    const resumed = this.resume(reader, query);
    // The database's clock, not this process's: points are compared with its instants.
    const now = await this.repository.now();
    const oldest = resumed?.since ?? resumed?.until;
    if (oldest && now.at - oldest.at > this.retentionMicros) throw this.expired();
    const position = {
      since: resumed?.since ?? null,
      until: resumed?.until ?? now,
      afterId: resumed?.afterId ?? 0,
    };

    const rows = await this.repository.page({
      ...reader,
      since: position.since,
      changedEntryTypes: position.since
        ? await this.repository.changedEntryTypes(reader.projectId, position.since)
        : [],
      afterId: position.afterId,
      limit: query.limit + 1,
    });
    const more = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    const types = await this.entryTypes.definitions(reader.projectId, [
      ...new Set(
        pageRows.flatMap((row) => (row.kind === 'entry' ? [row.entry.entry_type_id] : [])),
      ),
    ]);
    const items = pageRows.map((row): SyncItem =>
      row.kind === 'entry'
        ? toEntryDto(row.entry, types.get(row.entry.entry_type_id))
        : { id: row.id, deletedAt: row.deletedAt },
    );
    if (more) {
      const nextPageToken = this.tokens.seal({
        kind: 'page',
        ...reader,
        since: position.since,
        until: position.until,
        afterId: items[items.length - 1].id,
      });
      return { items, nextPageToken };
    }
    return {
      items,
      nextSyncToken: this.tokens.seal({ kind: 'sync', ...reader, since: position.until }),
    };
  }

  /**
   * The pass a token continues (a sync token starts a new one from now),
   * or null for a full pass. A token must be of the parameter's kind, sealed
   * here, and issued to this project and kind of caller: a member's token
   * would show a client drafts, a client's would hide them from a member.
   */
  private resume(reader: SyncReader, query: SyncQueryDto): Resumed | null {
    if (query.syncToken !== undefined && query.pageToken !== undefined) {
      throw new ValidationError({
        pageToken: ['pageToken goes on with its own pass: send it without syncToken'],
      });
    }
    if (query.pageToken !== undefined) {
      const state = this.open('pageToken', query.pageToken, reader, 'page');
      return state.kind === 'page' ? state : null;
    }
    if (query.syncToken !== undefined) {
      const state = this.open('syncToken', query.syncToken, reader, 'sync');
      return state.kind === 'sync' ? { since: state.since, until: null, afterId: 0 } : null;
    }
    return null;
  }

  private open(
    parameter: 'syncToken' | 'pageToken',
    token: string,
    reader: SyncReader,
    kind: SyncState['kind'],
  ): SyncState {
    const state = this.tokens.open(token);
    if (!state) {
      throw new ValidationError({
        [parameter]: [`${parameter} is not a token of this API: start over without one`],
      });
    }
    if (state.kind !== kind) {
      throw new ValidationError({
        [parameter]:
          kind === 'sync'
            ? ['syncToken takes a nextSyncToken; a nextPageToken goes in pageToken']
            : ['pageToken takes a nextPageToken; a nextSyncToken goes in syncToken'],
      });
    }
    if (state.projectId !== reader.projectId || state.audience !== reader.audience) {
      throw new ValidationError({
        [parameter]: [
          `${parameter} was issued for another project or another kind of caller: start over without one`,
        ],
      });
    }
    return state;
  }

  private expired(): ApiError {
    const days = this.app.syncRetentionSeconds / 86_400;
    const kept =
      days >= 1 ? `${days} days` : `${Math.round(this.app.syncRetentionSeconds)} seconds`;
    return new ApiError(
      HttpStatus.GONE,
      `This token is older than the ${kept} deletions are kept: start over with a full sync, without syncToken or pageToken`,
      { name: 'GoneError' },
    );
  }
}
