import { parseArgs } from 'node:util';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { HttpException } from '@nestjs/common';
import { validateEnvironment } from '../config/environment';
import { explainStartupFailure } from '../http/startup-failure';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { CliModule, SigningKeysCliModule } from './cli.module';
import { SigningKeyRotationService } from '../tokens/signing-key-rotation.service';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export type CliContextFactory = (module: Type) => Promise<INestApplicationContext>;

const USAGE = `usage: tessera create-user --email E --password P --name N [--admin]
       tessera rotate-signing-key`;

const defaultContext: CliContextFactory = (module) =>
  NestFactory.createApplicationContext(module, { logger: ['error'], abortOnError: false });

/** Runs one command; resolves to the process exit code. */
export async function runCli(
  argv: string[],
  output: CliOutput,
  createContext: CliContextFactory = defaultContext,
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create-user': {
      let input: CreateUserDto;
      try {
        input = await parseCreateUser(rest);
      } catch (error) {
        output.err(`tessera: ${(error as Error).message}\n${USAGE}`);
        return 1;
      }
      return inContext(CliModule, output, createContext, async (context) => {
        const user = await context.get(UsersService).create(input);
        output.out(JSON.stringify(UserDto.from(user), null, 2));
      });
    }
    case 'rotate-signing-key': {
      try {
        parseArgs({ args: rest, options: {}, strict: true, allowPositionals: false });
      } catch (error) {
        output.err(`tessera: ${(error as Error).message}\n${USAGE}`);
        return 1;
      }
      return inContext(SigningKeysCliModule, output, createContext, async (context) => {
        const rotation = await context.get(SigningKeyRotationService).rotate();
        output.out(JSON.stringify(rotation, null, 2));
      });
    }
    default:
      output.err(command ? `tessera: unknown command "${command}"\n${USAGE}` : USAGE);
      return 1;
  }
}

/** Runs `work` in an application context of `module`: 0 when it succeeds, 1 with one line when not. */
async function inContext(
  module: Type,
  output: CliOutput,
  createContext: CliContextFactory,
  work: (context: INestApplicationContext) => Promise<void>,
): Promise<number> {
  let context: INestApplicationContext | undefined;
  try {
    validateEnvironment(process.env);
    context = await createContext(module);
    await work(context);
    return 0;
  } catch (error) {
    output.err(
      error instanceof HttpException
        ? `tessera: ${lowerFirst(error.message)}`
        : explainStartupFailure(error),
    );
    return 1;
  } finally {
    await context?.close();
  }
}

async function parseCreateUser(args: string[]): Promise<CreateUserDto> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const input = plainToInstance(CreateUserDto, {
    email: values.email,
    password: values.password,
    name: values.name,
    isAdmin: values.admin,
  });
  const [first] = await validate(input);
  if (first) {
    const missing = (input as unknown as Record<string, unknown>)[first.property] === undefined;
    throw new Error(
      missing
        ? `--${first.property} is required`
        : (Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`),
    );
  }
  return input;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
