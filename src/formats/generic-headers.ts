import { foldText } from '../core/duplicate-keys';
import { MAPPING_FIELDS, type MappingField } from '../core/import-mapping';
import { readDate } from './dates';
import { outlookColumn } from './outlook-headers';
import { isEmailAddress } from './row-helpers';

/**
 * Column names a spreadsheet, Notion, Airtable or Thunderbird (English and German) export gives
 * each field, in English, German, French, Spanish, Italian, Dutch, Portuguese and Russian. Matched
 * folded ("E-Mail-Adresse" = "e mail adresse"); Outlook's translated names are checked as well.
 */
const HEADER_NAMES: Record<Exclude<MappingField, 'ignore'>, readonly string[]> = {
  firstName: [
    'first name',
    'firstname',
    'given name',
    'first',
    'forename',
    'vorname',
    'prénom',
    'prenom',
    'nombre',
    'nome',
    'voornaam',
    'primeiro nome',
    'имя',
  ],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'last',
    'nachname',
    'familienname',
    'nom de famille',
    'nom',
    'apellido',
    'apellidos',
    'cognome',
    'achternaam',
    'sobrenome',
    'apelido',
    'фамилия',
  ],
  fullName: [
    'name',
    'full name',
    'fullname',
    'display name',
    'contact',
    'contact name',
    'person',
    'anzeigename',
    'vollständiger name',
    'nom complet',
    'nombre completo',
    'nome completo',
    'volledige naam',
    'naam',
    'фио',
    'полное имя',
    'отображаемое имя',
  ],
  email: [
    'email',
    'e mail',
    'mail',
    'email address',
    'e mail address',
    'primary email',
    'secondary email',
    'work email',
    'home email',
    'other email',
    'e mail adresse',
    'primäre e mail adresse',
    'sekundäre e mail adresse',
    'courriel',
    'adresse e mail',
    'correo',
    'correo electrónico',
    'posta elettronica',
    'e mailadres',
    'электронная почта',
    'почта',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'mobile',
    'mobile number',
    'mobile phone',
    'cell',
    'cell phone',
    'work phone',
    'home phone',
    'fax number',
    'pager number',
    'tel',
    'telefon',
    'telefonnummer',
    'handy',
    'tel dienstlich',
    'tel privat',
    'mobil tel nr',
    'fax nummer',
    'pager nummer',
    'téléphone',
    'portable',
    'teléfono',
    'móvil',
    'telefono',
    'cellulare',
    'telefoon',
    'telefoonnummer',
    'mobiel',
    'telefone',
    'celular',
    'telemóvel',
    'телефон',
    'мобильный',
  ],
  company: [
    'company',
    'organization',
    'organisation',
    'organization name',
    'employer',
    'firma',
    'unternehmen',
    'organisation',
    'entreprise',
    'société',
    'empresa',
    'compañía',
    'azienda',
    'società',
    'bedrijf',
    'организация',
    'компания',
  ],
  title: [
    'title',
    'job title',
    'position',
    'role',
    'job',
    'arbeitstitel',
    'berufsbezeichnung',
    'titre',
    'fonction',
    'poste',
    'cargo',
    'puesto',
    'ruolo',
    'posizione',
    'functie',
    'должность',
  ],
  birthday: [
    'birthday',
    'birth date',
    'birthdate',
    'date of birth',
    'dob',
    'birth year',
    'birth month',
    'birth day',
    'geburtstag',
    'geburtsdatum',
    'geburtsjahr',
    'geburtsmonat',
    'anniversaire',
    'date de naissance',
    'cumpleaños',
    'fecha de nacimiento',
    'compleanno',
    'data di nascita',
    'verjaardag',
    'geboortedatum',
    'aniversário',
    'data de nascimento',
    'день рождения',
    'дата рождения',
  ],
  city: [
    'city',
    'town',
    'home city',
    'work city',
    'ort',
    'stadt',
    'privat ort',
    'dienstlich ort',
    'ville',
    'ciudad',
    'città',
    'plaats',
    'stad',
    'woonplaats',
    'cidade',
    'город',
  ],
  country: [
    'country',
    'country region',
    'home country',
    'work country',
    'land',
    'privat land',
    'dienstlich land',
    'pays',
    'país',
    'paese',
    'nazione',
    'страна',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'description',
    'notizen',
    'notiz',
    'bemerkungen',
    'kommentar',
    'remarques',
    'commentaire',
    'notas',
    'comentarios',
    'note',
    'commenti',
    'notities',
    'opmerkingen',
    'заметки',
    'примечания',
    'комментарий',
  ],
  tags: [
    'tags',
    'tag',
    'labels',
    'label',
    'groups',
    'group',
    'categories',
    'category',
    'schlagwörter',
    'gruppen',
    'kategorien',
    'étiquettes',
    'groupes',
    'etiquetas',
    'grupos',
    'etichette',
    'gruppi',
    'groepen',
    'теги',
    'метки',
    'группы',
  ],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile', 'linkedin profil', 'profile url'],
  website: [
    'website',
    'web',
    'web page',
    'web page 1',
    'web page 2',
    'url',
    'homepage',
    'site',
    'webseite',
    'webseite 1',
    'webseite 2',
    'site web',
    'sitio web',
    'sito web',
    'sito',
    'webpagina',
    'веб сайт',
    'сайт',
  ],
};

/** What an Outlook column (by its English name) holds, for files that use Outlook's names. */
const OUTLOOK_FIELDS: Record<string, MappingField> = {
  'First Name': 'firstName',
  'Last Name': 'lastName',
  Company: 'company',
  'Job Title': 'title',
  'E-mail Address': 'email',
  'E-mail 2 Address': 'email',
  'E-mail 3 Address': 'email',
  'Mobile Phone': 'phone',
  'Business Phone': 'phone',
  'Home Phone': 'phone',
  'Other Phone': 'phone',
  'Business Fax': 'phone',
  'Home Fax': 'phone',
  'Web Page': 'website',
  'Business City': 'city',
  'Home City': 'city',
  'Business Country/Region': 'country',
  'Home Country/Region': 'country',
  Birthday: 'birthday',
  Notes: 'notes',
  Categories: 'tags',
};

const BY_NAME = new Map<string, MappingField>();
for (const field of MAPPING_FIELDS)
  if (field !== 'ignore')
    for (const name of HEADER_NAMES[field])
      if (!BY_NAME.has(foldText(name))) BY_NAME.set(foldText(name), field);

/** Words that say a column is a phone or an e-mail whatever else its name says ("Tel. (Büro)", "Mail 2"). */
const KEYWORDS: [RegExp, MappingField][] = [
  [/\b(e ?mail|courriel|correo|почта)\b/, 'email'],
  [
    /\b(phone|tel|telefon|telefone|telefono|teléfono|telefoon|mobile?|handy|cell|fax|pager|телефон)\b/,
    'phone',
  ],
  [/\blinkedin\b/, 'linkedin'],
  [/\b(birth|geburt|naissance|nacimiento|nascita|geboorte|рожд)/, 'birthday'],
];
/** Dates in these columns are when the row was made, not anyone's birthday. */
const RECORD_DATE = /creat|updat|modif|edit|added|last|time|erstellt|geändert|cré|fecha de|data de/;

/**
 * The field a column most likely holds: its name (exact, then an Outlook name, then a telling
 * word), else the shape of its values (e-mail, LinkedIn or other URL, phone, date); else ignore.
 */
export function guessField(header: string, values: readonly string[]): MappingField {
  const folded = foldText(header);
  const named = BY_NAME.get(folded);
  if (named) return named;
  const outlook = outlookColumn(header);
  if (outlook && OUTLOOK_FIELDS[outlook]) return OUTLOOK_FIELDS[outlook];
  for (const [pattern, field] of KEYWORDS) if (pattern.test(folded)) return field;
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return 'ignore';
  const share = (test: (v: string) => boolean) => filled.filter(test).length / filled.length >= 0.8;
  if (share(isEmailAddress)) return 'email';
  if (share((v) => /^(https?:\/\/)?([a-z0-9-]+\.)*linkedin\.com\//i.test(v))) return 'linkedin';
  if (share((v) => /^https?:\/\/\S+$/i.test(v) || /^www\.\S+\.\S+$/i.test(v))) return 'website';
  if (share(looksLikePhone)) return 'phone';
  if (!RECORD_DATE.test(folded) && share((v) => typeof readDate(v, 'dmy') !== 'string' && /\d{4}/.test(v)))
    return 'birthday';
  return 'ignore';
}

/** +49 30 1234567, (555) 010-2030, 0151/2345678: seven or more digits and phone punctuation only. */
export function looksLikePhone(value: string): boolean {
  return (
    /^\+?[\d\s()./-]+$/.test(value) &&
    value.replace(/\D/g, '').length >= 7 &&
    !/^\d{4}-\d{2}-\d{2}$/.test(value)
  );
}

/** A phone's label from its column name: mobile, work, home, fax, or none. */
export function phoneLabel(header: string): string | undefined {
  const h = foldText(header);
  const fax = /fax|télécopie/.test(h);
  const place =
    /work|business|office|dienst|geschäft|gesch|büro|bureau|trabajo|ufficio|werk|comercial|рабоч/.test(h)
      ? 'work'
      : /home|privat|domicile|particular|abitazione|thuis|residencial|домашн/.test(h)
        ? 'home'
        : undefined;
  if (fax) return place ? `${place} fax` : 'fax';
  if (/mobil|cell|handy|portable|móvil|movil|cellulare|mobiel|celular|telemóvel|мобильн|переносн/.test(h))
    return 'mobile';
  return place;
}

/** The header set a remembered mapping is stored under: folded names in order. */
export function headerSetKey(headers: readonly string[]): string {
  return headers.map((h) => foldText(h)).join('\u001f');
}
