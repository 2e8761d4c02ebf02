import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** The one mailer of the instance, for every flow that mails someone. */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
