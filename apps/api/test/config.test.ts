import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.ts';
import { loadEnv } from '../src/env.ts';

const configOf = (environment: NodeJS.ProcessEnv) => configFromEnv(loadEnv(environment));

describe('the configuration from the environment', () => {
  it('has the defaults the README lists', () => {
    expect(configOf({})).toStrictEqual({
      listen: { port: 3000, host: '0.0.0.0' },
      databaseUrl: undefined,
      dataDir: resolve('.data'),
      secretKey: undefined,
      mail: {
        smtpUrl: undefined,
        from: 'PILAR <no-reply@pilar.localhost>',
        publicUrl: undefined,
        operatorName: 'PILAR Systems',
      },
      phone: { provider: 'sandbox', reviewSeconds: 5, reviewPollSeconds: 1 },
      sandbox: { stepDelayMs: 0, failures: new Map() },
      app: {
        allowedOrigins: [],
        trustProxy: false,
        restWaitTimeoutMs: 60_000,
        throttlePolicy: {
          accountFailures: 5,
          addressFailures: 20,
          windowSeconds: 900,
          lockSeconds: 30,
          maxLockSeconds: 900,
        },
        signupLimit: { limit: 10, windowSeconds: 3600 },
        resetLimits: {
          perAccount: { limit: 3, windowSeconds: 3600 },
          perClient: { limit: 20, windowSeconds: 3600 },
        },
        legal: {
          operator: {
            name: 'PILAR Systems',
            address: '(nicht konfiguriert: OPERATOR_ADDRESS)',
            email: '(nicht konfiguriert: OPERATOR_EMAIL)',
            phone: undefined,
            representative: undefined,
            register: undefined,
            vatId: undefined,
            supervisoryAuthority: undefined,
          },
          urls: { imprint: undefined, privacy: undefined, terms: undefined, dpa: undefined },
          versions: { privacy: undefined, terms: undefined, dpa: undefined },
        },
        webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
      },
      engine: {
        concurrency: 4,
        retryDelaySeconds: 1,
        recoveryIntervalSeconds: 15,
        stallSeconds: 30,
        jobExpireSeconds: 300,
      },
    });
  });

  it('takes every variable to its own option', () => {
    const config = configOf({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://app@db.internal:5432/pilar',
      DATA_DIR: '/var/lib/pilar',
      SECRET_KEY: 'k2:new,k1:old',
      LOG_LEVEL: 'debug',
      ALLOWED_ORIGINS: ' https://a.example , https://b.example,',
      TRUST_PROXY: 'true',
      SANDBOX_STEP_DELAY_MS: '250',
      SANDBOX_FAIL_STEP: 'voice, whatsapp:2',
      PHONE_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
      TWILIO_AUTH_TOKEN: 'geheimes-token',
      TWILIO_API_BASE_URL: 'http://127.0.0.1:9999/',
      VOICE_AGENT_SIP_URI: 'sip:agent@voice.pilar.example',
      PHONE_REVIEW_POLL_SECONDS: '120',
      PROVISIONING_CONCURRENCY: '8',
      PROVISIONING_RETRY_DELAY_SECONDS: '3',
      PROVISIONING_RECOVERY_INTERVAL_SECONDS: '5',
      PROVISIONING_STALL_SECONDS: '45',
      PROVISIONING_JOB_EXPIRE_SECONDS: '600',
      WEB_DIST_DIR: '/srv/web',
      SIGNUP_LIMIT_PER_ADDRESS: '7',
      SIGNUP_LIMIT_WINDOW_SECONDS: '120',
      LOGIN_FAILURES_PER_ACCOUNT: '6',
      LOGIN_FAILURES_PER_ADDRESS: '30',
      LOGIN_FAILURE_WINDOW_SECONDS: '600',
      LOGIN_LOCK_SECONDS: '40',
      LOGIN_MAX_LOCK_SECONDS: '1200',
      REST_WAIT_TIMEOUT_SECONDS: '1.5',
      SMTP_URL: 'smtps://mailer:geheim@smtp.example.com:465',
      MAIL_FROM: 'Studio-Hilfe <hilfe@pilar.example>',
      PUBLIC_URL: 'https://app.pilar.example/',
      OPERATOR_NAME: 'PILAR Systems GmbH',
      RESET_REQUESTS_PER_ACCOUNT: '4',
      RESET_REQUESTS_PER_ADDRESS: '40',
      OPERATOR_ADDRESS: 'Torstraße 1, 10119 Berlin',
      OPERATOR_EMAIL: 'kontakt@pilar.example',
      OPERATOR_PHONE: '+49 30 1234567',
      OPERATOR_REPRESENTATIVE: 'Erika Mustermann',
      OPERATOR_REGISTER: 'Amtsgericht Berlin-Charlottenburg, HRB 123456',
      OPERATOR_VAT_ID: 'DE123456789',
      OPERATOR_SUPERVISORY_AUTHORITY:
        'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
      LEGAL_IMPRINT_URL: 'https://pilar.example/impressum',
      LEGAL_PRIVACY_URL: 'https://pilar.example/datenschutz',
      LEGAL_TERMS_URL: 'https://pilar.example/agb',
      LEGAL_DPA_URL: 'https://pilar.example/avv',
      LEGAL_PRIVACY_VERSION: '2026-11',
      LEGAL_TERMS_VERSION: '3',
      LEGAL_DPA_VERSION: '2',
    });
    expect(config).toStrictEqual({
      listen: { port: 8080, host: '127.0.0.1' },
      databaseUrl: 'postgres://app@db.internal:5432/pilar',
      dataDir: '/var/lib/pilar',
      secretKey: 'k2:new,k1:old',
      mail: {
        smtpUrl: 'smtps://mailer:geheim@smtp.example.com:465',
        from: 'Studio-Hilfe <hilfe@pilar.example>',
        publicUrl: 'https://app.pilar.example',
        operatorName: 'PILAR Systems GmbH',
      },
      phone: {
        provider: 'twilio',
        twilio: {
          accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
          authToken: 'geheimes-token',
          voiceAgentSipUri: 'sip:agent@voice.pilar.example',
          notificationEmail: 'kontakt@pilar.example',
          apiBaseUrl: 'http://127.0.0.1:9999',
        },
        reviewPollSeconds: 120,
      },
      sandbox: {
        stepDelayMs: 250,
        failures: new Map([
          ['voice', 1],
          ['whatsapp', 2],
        ]),
      },
      app: {
        allowedOrigins: ['https://a.example', 'https://b.example'],
        trustProxy: true,
        restWaitTimeoutMs: 1500,
        throttlePolicy: {
          accountFailures: 6,
          addressFailures: 30,
          windowSeconds: 600,
          lockSeconds: 40,
          maxLockSeconds: 1200,
        },
        signupLimit: { limit: 7, windowSeconds: 120 },
        resetLimits: {
          perAccount: { limit: 4, windowSeconds: 3600 },
          perClient: { limit: 40, windowSeconds: 3600 },
        },
        legal: {
          operator: {
            name: 'PILAR Systems GmbH',
            address: 'Torstraße 1\n10119 Berlin',
            email: 'kontakt@pilar.example',
            phone: '+49 30 1234567',
            representative: 'Erika Mustermann',
            register: 'Amtsgericht Berlin-Charlottenburg, HRB 123456',
            vatId: 'DE123456789',
            supervisoryAuthority: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
          },
          urls: {
            imprint: 'https://pilar.example/impressum',
            privacy: 'https://pilar.example/datenschutz',
            terms: 'https://pilar.example/agb',
            dpa: 'https://pilar.example/avv',
          },
          versions: { privacy: '2026-11', terms: '3', dpa: '2' },
        },
        webRoot: '/srv/web',
      },
      engine: {
        concurrency: 8,
        retryDelaySeconds: 3,
        recoveryIntervalSeconds: 5,
        stallSeconds: 45,
        jobExpireSeconds: 600,
      },
    });
  });

  it('resolves relative folders against the working directory and treats empty as unset', () => {
    const config = configOf({ DATA_DIR: 'data', WEB_DIST_DIR: 'web', PORT: '', SECRET_KEY: '' });
    expect(config.dataDir).toBe(resolve('data'));
    expect(config.app.webRoot).toBe(resolve('web'));
    expect(config.listen.port).toBe(3000);
    expect(config.secretKey).toBeUndefined();
  });

  it('refuses a mail server or public address of the wrong kind', () => {
    expect(() =>
      configOf({ SMTP_URL: 'https://mail.example.com', PUBLIC_URL: 'ftp://x.example' }),
    ).toThrow(
      new Error(
        [
          'Invalid environment:',
          '  SMTP_URL: SMTP_URL must be an smtp:// or smtps:// URL',
          '  PUBLIC_URL: PUBLIC_URL must be an http:// or https:// URL',
        ].join('\n'),
      ),
    );
  });

  it('names every invalid variable with what is wrong with it', () => {
    expect(() =>
      configOf({
        PORT: 'abc',
        DATABASE_URL: 'mysql://db/pilar',
        TRUST_PROXY: 'maybe',
        PROVISIONING_CONCURRENCY: '2.5',
        PROVISIONING_STALL_SECONDS: '0',
        SIGNUP_LIMIT_WINDOW_SECONDS: '100000',
        LOG_LEVEL: 'loud',
      }),
    ).toThrow(
      new Error(
        [
          'Invalid environment:',
          '  PORT: must be a number',
          '  DATABASE_URL: DATABASE_URL must be a postgres:// URL',
          '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
          '  TRUST_PROXY: must be true or false',
          '  PROVISIONING_CONCURRENCY: must be a whole number',
          '  PROVISIONING_STALL_SECONDS: must be more than 0',
          '  SIGNUP_LIMIT_WINDOW_SECONDS: must be at most 86400',
        ].join('\n'),
      ),
    );
  });

  it('names what Twilio needs when PHONE_PROVIDER=twilio lacks it', () => {
    expect(() => configOf({ PHONE_PROVIDER: 'twilio', TWILIO_AUTH_TOKEN: 'x' })).toThrow(
      [
        'Invalid environment:',
        '  TWILIO_ACCOUNT_SID: required with PHONE_PROVIDER=twilio',
        '  VOICE_AGENT_SIP_URI: required with PHONE_PROVIDER=twilio',
        '  OPERATOR_EMAIL: required with PHONE_PROVIDER=twilio',
      ].join('\n'),
    );
    expect(() => configOf({ PHONE_PROVIDER: 'plivo' })).toThrow(
      'PHONE_PROVIDER: must be sandbox or twilio',
    );
  });

  it('refuses a malformed SANDBOX_FAIL_STEP entry', () => {
    expect(() => configOf({ SANDBOX_FAIL_STEP: 'voice,whatsapp:twice' })).toThrow(
      'SANDBOX_FAIL_STEP entry "whatsapp:twice" must look like step:count',
    );
  });
});
