import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, HttpStatus, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/access';
import { ApiError, NotFoundError } from '../common/api-error';
import { appConfig, AppConfig } from '../config/configuration';
import { adminBuildDir, adminContentSecurityPolicy, NONCE_PLACEHOLDER } from './admin-ui-files';

const HASHED_ASSET = /^assets\/[\w.-]+$/;
const TOP_LEVEL_FILE = /^[\w-]+\.(svg|ico|png|txt|webmanifest)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built admin UI (a single-page app) at /admin: hashed assets cached for
 * a year, index.html never without asking again, and every path that is not
 * a file answered with index.html for the app's own router. Each index.html
 * carries a fresh CSP nonce, the one Mantine's injected <style> must carry.
 * Not an API operation, so not in /spec; its access rule is public.
 */
@ApiExcludeController()
@Controller()
export class AdminUiController {
  private readonly dir = adminBuildDir();

  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  @Get()
  @Public()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const wantsPage = /\btext\/html\b/.test(request.headers.accept ?? '');
    if (!this.app.adminUi || !wantsPage)
      throw new NotFoundError('Not found: the API is under /spec');
    void reply.redirect('/admin/', HttpStatus.FOUND);
  }

  @Get('admin')
  @Public()
  index(@Res() reply: FastifyReply): Promise<void> {
    return this.page(reply);
  }

  @Get('admin/*')
  @Public()
  async file(@Param('*') file: string, @Res() reply: FastifyReply): Promise<void> {
    if (!this.app.adminUi) throw disabled();
    if (file.startsWith('assets/') && !HASHED_ASSET.test(file)) {
      throw new NotFoundError(`No such file in the admin UI: ${file}`);
    }
    if (HASHED_ASSET.test(file) || TOP_LEVEL_FILE.test(file)) {
      const cacheControl = HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache';
      const found = await stat(join(this.dir, file)).catch(() => null);
      if (!found?.isFile()) throw new NotFoundError(`No such file in the admin UI: ${file}`);
      await reply
        .header('cache-control', cacheControl)
        .sendFile(file, this.dir, { cacheControl: false });
      return;
    }
    // A route of the app (a deep link, a reload): its router takes it from index.html.
    return this.page(reply);
  }

  private async page(reply: FastifyReply): Promise<void> {
    if (!this.app.adminUi) throw disabled();
    let html: string;
    try {
      html = await readFile(join(this.dir, 'index.html'), 'utf8');
    } catch {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'The admin UI is not built: run `npm run build`',
      );
    }
    const nonce = randomBytes(18).toString('base64');
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', adminContentSecurityPolicy(nonce))
      .send(html.replaceAll(NONCE_PLACEHOLDER, nonce));
  }
}

const disabled = () => new NotFoundError('The admin UI is turned off (ADMIN_UI=off)');
