import type { ProblemCode } from '@pilar/provisioning/contracts';
import type { DomainErrorCode } from '../errors/api-error.ts';
import type { Catalog } from './i18n.tsx';

/**
 * The server's refusals by domain code, and field problems by problem code, in both languages.
 * `{name}` is filled from the refusal's data or the problem's parameters.
 */
type ErrorKey = DomainErrorCode | `problem.${ProblemCode}` | 'unexpected';

const de: Record<ErrorKey, string> = {
  INVALID_INPUT: 'Bitte prüfen Sie Ihre Eingaben.',
  EMAIL_TAKEN: 'Zu dieser E-Mail-Adresse gibt es bereits ein Konto.',
  DOMAIN_TAKEN: 'Diese Domain ist bereits vergeben.',
  TENANT_NOT_FOUND: 'Dieses Studio wurde nicht gefunden.',
  VERSION_CONFLICT:
    'Die Einstellungen wurden inzwischen geändert (jetzt Version {currentVersion}). Bitte laden Sie sie neu.',
  SETTINGS_VERSION_NOT_FOUND: 'Version {version} der Einstellungen gibt es nicht.',
  PROVISIONING_FAILED: 'Die Einrichtung ist beim Schritt „{step}“ fehlgeschlagen: {reason}',
  PROVISIONING_TIMEOUT:
    'Die Einrichtung läuft nach {seconds} Sekunden noch. Bitte prüfen Sie den Stand später.',
  RUN_NOT_FOUND: 'Diese Einrichtung wurde nicht gefunden.',
  RUN_NOT_RETRYABLE: 'Nur eine fehlgeschlagene Einrichtung kann neu gestartet werden.',
  CHANNEL_NOT_FOUND: 'Dieser Kanal wurde nicht gefunden.',
  SECRET_UNREADABLE:
    'Ein gespeicherter Zugang kann nicht gelesen werden. Bitte wenden Sie sich an den Support.',
  NOT_AUTHENTICATED: 'Bitte melden Sie sich an.',
  INVALID_CREDENTIALS: 'E-Mail-Adresse oder Passwort ist falsch.',
  TOO_MANY_ATTEMPTS:
    'Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
  TOO_MANY_SIGNUPS:
    'Von Ihrem Anschluss wurden zu viele Studios angelegt. Bitte versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
  IDEMPOTENCY_KEY_REUSED:
    'Diese Anfrage wurde bereits mit anderen Angaben gesendet. Bitte laden Sie die Seite neu.',
  IDEMPOTENCY_IN_PROGRESS:
    'Ihre Anfrage wird noch bearbeitet. Bitte versuchen Sie es gleich noch einmal.',
  TOKEN_INVALID: 'Dieser Link ist ungültig oder wurde bereits verwendet.',
  TOKEN_EXPIRED: 'Dieser Link ist abgelaufen.',
  CODE_INVALID: 'Der Code stimmt nicht. Verbleibende Versuche: {attemptsLeft}.',
  CODE_EXPIRED: 'Dieser Code ist nicht mehr gültig. Bitte fordern Sie einen neuen Code an.',
  EMAIL_ALREADY_VERIFIED: 'Ihre E-Mail-Adresse ist bereits bestätigt.',
  EMAIL_NOT_VERIFIED: 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.',
  TOO_MANY_REQUESTS:
    'Zu viele Anfragen. Bitte versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
  CARRIER_UNAVAILABLE:
    'Der Netzbetreiber ist gerade nicht erreichbar, daher kann die Nummer des Studios noch nicht zurückgegeben werden. Es wurde nichts gelöscht; bitte versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
  WRONG_PASSWORD: 'Das Passwort ist falsch.',
  SESSION_NOT_FOUND: 'Diese Anmeldung besteht nicht mehr.',
  OWNER_ONLY: 'Das darf nur die Inhaberin bzw. der Inhaber des Studios.',
  INVITATION_NOT_FOUND: 'Diese Einladung besteht nicht mehr.',
  MEMBER_NOT_FOUND: 'Diese Person gehört nicht mehr zum Team.',
  CANNOT_REMOVE_OWNER: 'Die Inhaberin bzw. der Inhaber kann nicht aus dem Team entfernt werden.',
  PHONE_DETAILS_LOCKED:
    'Die Geschäftsangaben können gerade nicht geändert werden: Die Prüfung oder die Einrichtung läuft bereits, oder die Nummer ist schon aktiv.',
  unexpected: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  'problem.empty': 'Darf nicht leer sein.',
  'problem.tooShort': 'Mindestens {min} Zeichen.',
  'problem.tooLong': 'Höchstens {max} Zeichen.',
  'problem.tooSmall': 'Der Wert muss mindestens {min} sein.',
  'problem.tooLarge': 'Der Wert darf höchstens {max} sein.',
  'problem.notInteger': 'Bitte eine ganze Zahl eingeben.',
  'problem.notANumber': 'Bitte eine Zahl eingeben.',
  'problem.wrongType': 'Dieser Wert hat nicht die erwartete Art.',
  'problem.notOneOf': 'Bitte einen der angebotenen Werte wählen.',
  'problem.invalidEmail': 'Bitte eine gültige E-Mail-Adresse eingeben.',
  'problem.invalidFormat': 'Das Format ist ungültig.',
  'problem.invalid': 'Dieser Wert ist ungültig.',
  'problem.controlCharacters': 'Enthält unzulässige Steuerzeichen.',
  'problem.tooManyBytes': 'Zu lang: höchstens {max} Bytes (Umlaute zählen doppelt).',
  'problem.invalidDomain': 'Bitte eine gültige Domain ohne https:// eingeben.',
  'problem.unstorable': 'Enthält Zeichen, die nicht gespeichert werden können.',
  'problem.unknownTimeZone':
    'Unbekannte Zeitzone – bitte eine aus der Liste wählen, z. B. Europe/Berlin.',
  'problem.unknownCurrency': 'Unbekannte Währung – bitte einen ISO-4217-Code wählen, z. B. EUR.',
  'problem.invalidTime': 'Uhrzeit bitte als HH:MM im 24-Stunden-Format, z. B. 06:00 oder 22:30.',
  'problem.invalidDate': 'Bitte ein Datum wählen.',
  'problem.noSuchDate': 'Dieses Datum gibt es nicht.',
  'problem.sameTime': 'Beginn und Ende müssen sich unterscheiden.',
  'problem.overlap': 'Die Zeiträume dieses Tages überschneiden sich.',
  'problem.overlapsNextDay': 'Dieser Zeitraum reicht in die Öffnungszeiten am {day}.',
  'problem.duplicateDate': 'Jedes Datum darf nur einmal vorkommen.',
  'problem.tooManyRules': 'Höchstens {max} Regeln.',
  'problem.tooManyClosingDays': 'Höchstens {max} Schließtage.',
  'problem.tooManyRanges': 'Höchstens {max} Zeiträume pro Tag.',
  'problem.noSuchVersion': 'Diese Version der Einstellungen gibt es nicht.',
  'problem.noSuchRun': 'Diese Einrichtung wurde nicht gefunden.',
  'problem.tooCommon': 'Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.',
  'problem.invalidCode': 'Der Code besteht aus {length} Ziffern.',
  'problem.unchanged': 'Unverändert: Bitte geben Sie einen anderen Wert ein.',
  'problem.notAccepted': 'Bitte stimmen Sie zu, um fortzufahren.',
  'problem.notMatching': 'Die Eingabe stimmt nicht überein.',
  'problem.invalidPostalCode': 'Die Postleitzahl besteht aus fünf Ziffern, z. B. 10115.',
  'problem.fileTooLarge': 'Die Datei ist zu groß: höchstens {max}.',
  'problem.unsupportedFileType': 'Bitte eine PDF-, JPEG- oder PNG-Datei wählen.',
};

const en: Record<ErrorKey, string> = {
  INVALID_INPUT: 'Please check your input.',
  EMAIL_TAKEN: 'An account with this email address already exists.',
  DOMAIN_TAKEN: 'This domain is already taken.',
  TENANT_NOT_FOUND: 'This studio was not found.',
  VERSION_CONFLICT:
    'The settings were changed in the meantime (now version {currentVersion}). Please reload them.',
  SETTINGS_VERSION_NOT_FOUND: 'Settings version {version} does not exist.',
  PROVISIONING_FAILED: 'The setup failed at the step “{step}”: {reason}',
  PROVISIONING_TIMEOUT: 'The setup is still running after {seconds} seconds. Please check later.',
  RUN_NOT_FOUND: 'This setup was not found.',
  RUN_NOT_RETRYABLE: 'Only a failed setup can be restarted.',
  CHANNEL_NOT_FOUND: 'This channel was not found.',
  SECRET_UNREADABLE: 'A stored credential cannot be read. Please contact support.',
  NOT_AUTHENTICATED: 'Please sign in.',
  INVALID_CREDENTIALS: 'E-mail address or password is wrong.',
  TOO_MANY_ATTEMPTS:
    'Too many failed login attempts. Please try again in {retryAfterSeconds} seconds.',
  TOO_MANY_SIGNUPS:
    'Too many studios were created from your connection. Please try again in {retryAfterSeconds} seconds.',
  IDEMPOTENCY_KEY_REUSED:
    'This request was already sent with different details. Please reload the page.',
  IDEMPOTENCY_IN_PROGRESS: 'Your request is still being processed. Please try again shortly.',
  TOKEN_INVALID: 'This link is invalid or was already used.',
  TOKEN_EXPIRED: 'This link has expired.',
  CODE_INVALID: 'The code is wrong. Attempts left: {attemptsLeft}.',
  CODE_EXPIRED: 'This code is no longer valid. Please request a new code.',
  EMAIL_ALREADY_VERIFIED: 'Your e-mail address is already confirmed.',
  EMAIL_NOT_VERIFIED: 'Please confirm your e-mail address first.',
  TOO_MANY_REQUESTS: 'Too many requests. Please try again in {retryAfterSeconds} seconds.',
  CARRIER_UNAVAILABLE:
    'The phone carrier cannot be reached right now, so the studio’s number cannot be given back yet. Nothing was deleted; please try again in {retryAfterSeconds} seconds.',
  WRONG_PASSWORD: 'The password is wrong.',
  SESSION_NOT_FOUND: 'This login no longer exists.',
  OWNER_ONLY: 'Only the studio’s owner may do this.',
  INVITATION_NOT_FOUND: 'This invitation no longer exists.',
  MEMBER_NOT_FOUND: 'This person is no longer on the team.',
  CANNOT_REMOVE_OWNER: 'The studio’s owner cannot be removed from the team.',
  PHONE_DETAILS_LOCKED:
    'The business details cannot be changed now: the review or the setup is already under way, or the number is already active.',
  unexpected: 'An unexpected error occurred. Please try again.',
  'problem.empty': 'Must not be empty.',
  'problem.tooShort': 'At least {min} characters.',
  'problem.tooLong': 'At most {max} characters.',
  'problem.tooSmall': 'The value must be at least {min}.',
  'problem.tooLarge': 'The value must be at most {max}.',
  'problem.notInteger': 'Please enter a whole number.',
  'problem.notANumber': 'Please enter a number.',
  'problem.wrongType': 'This value is not of the expected kind.',
  'problem.notOneOf': 'Please choose one of the offered values.',
  'problem.invalidEmail': 'Please enter a valid email address.',
  'problem.invalidFormat': 'The format is invalid.',
  'problem.invalid': 'This value is invalid.',
  'problem.controlCharacters': 'Contains control characters.',
  'problem.tooManyBytes': 'Too long: at most {max} bytes.',
  'problem.invalidDomain': 'Please enter a valid domain without https://.',
  'problem.unstorable': 'Contains characters that cannot be stored.',
  'problem.unknownTimeZone':
    'Unknown time zone – please choose one from the list, e.g. Europe/Berlin.',
  'problem.unknownCurrency': 'Unknown currency – please choose an ISO 4217 code, e.g. EUR.',
  'problem.invalidTime': 'Please enter the time as HH:MM in 24-hour format, e.g. 06:00 or 22:30.',
  'problem.invalidDate': 'Please choose a date.',
  'problem.noSuchDate': 'This date does not exist.',
  'problem.sameTime': 'Start and end must differ.',
  'problem.overlap': "This day's time ranges overlap.",
  'problem.overlapsNextDay': "This range runs into {day}'s hours.",
  'problem.duplicateDate': 'Each date may only appear once.',
  'problem.tooManyRules': 'At most {max} rules.',
  'problem.tooManyClosingDays': 'At most {max} closing days.',
  'problem.tooManyRanges': 'At most {max} time ranges per day.',
  'problem.noSuchVersion': 'This settings version does not exist.',
  'problem.noSuchRun': 'This setup was not found.',
  'problem.tooCommon': 'This password is too common. Please choose another one.',
  'problem.invalidCode': 'The code consists of {length} digits.',
  'problem.unchanged': 'Unchanged: please enter a different value.',
  'problem.notAccepted': 'Please agree to continue.',
  'problem.notMatching': 'The entry does not match.',
  'problem.invalidPostalCode': 'The postal code consists of five digits, e.g. 10115.',
  'problem.fileTooLarge': 'The file is too large: at most {max}.',
  'problem.unsupportedFileType': 'Please choose a PDF, JPEG or PNG file.',
};

export type ErrorMessageKey = ErrorKey;
export const errorMessages: Catalog<ErrorKey> = { de, en };
