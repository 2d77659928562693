import { foldText } from '../core/duplicate-keys.js';

/**
 * Outlook names its CSV columns in the language of the installation. The columns Tend reads, in
 * English (the key) and as German, French, Spanish, Italian, Dutch, Portuguese and Russian Outlook
 * write them. A file with any non-English name is day-first: every one of these locales writes
 * 3/4/1991 as 3 April.
 */
export const OUTLOOK_HEADERS: Record<string, readonly string[]> = {
  'First Name': ['Vorname', 'Prénom', 'Nombre', 'Nome', 'Voornaam', 'Primeiro Nome', 'Имя'],
  'Middle Name': [
    'Weitere Vornamen',
    'Deuxième prénom',
    'Segundo nombre',
    'Secondo nome',
    'Middelste naam',
    'Segundo Nome',
    'Отчество',
  ],
  'Last Name': ['Nachname', 'Nom', 'Apellidos', 'Cognome', 'Achternaam', 'Apelido', 'Sobrenome', 'Фамилия'],
  Company: ['Firma', 'Société', 'Organización', 'Compañía', 'Società', 'Bedrijf', 'Empresa', 'Организация'],
  'Job Title': ['Position', 'Fonction', 'Puesto', 'Posizione', 'Functie', 'Cargo', 'Должность'],
  'E-mail Address': [
    'E-Mail-Adresse',
    'Adresse de messagerie',
    'Dirección de correo electrónico',
    'Indirizzo posta elettronica',
    'E-mailadres',
    'Endereço de correio eletrônico',
    'Endereço de email',
    'Адрес эл. почты',
  ],
  'E-mail 2 Address': [
    'E-Mail 2: Adresse',
    'Adresse de messagerie 2',
    'Dirección de correo electrónico 2',
    'Indirizzo posta elettronica 2',
    'E-mailadres 2',
    'Endereço de correio eletrônico 2',
    'Адрес 2 эл. почты',
  ],
  'E-mail 3 Address': [
    'E-Mail 3: Adresse',
    'Adresse de messagerie 3',
    'Dirección de correo electrónico 3',
    'Indirizzo posta elettronica 3',
    'E-mailadres 3',
    'Endereço de correio eletrônico 3',
    'Адрес 3 эл. почты',
  ],
  'Mobile Phone': [
    'Mobiltelefon',
    'Tél. mobile',
    'Téléphone mobile',
    'Teléfono móvil',
    'Cellulare',
    'Mobiele telefoon',
    'Telemóvel',
    'Celular',
    'Телефон переносной',
    'Мобильный телефон',
  ],
  'Business Phone': [
    'Telefon geschäftlich',
    'Téléphone (bureau)',
    'Teléfono del trabajo',
    'Ufficio',
    'Telefoon op werk',
    'Telefone comercial',
    'Рабочий телефон',
  ],
  'Home Phone': [
    'Telefon privat',
    'Téléphone (domicile)',
    'Particular',
    'Teléfono particular',
    'Abitazione',
    'Telefoon thuis',
    'Telefone residencial',
    'Домашний телефон',
  ],
  'Other Phone': [
    'Weiteres Telefon',
    'Autre téléphone',
    'Otro teléfono',
    'Altro telefono',
    'Andere telefoon',
    'Outro telefone',
    'Другой телефон',
  ],
  'Business Fax': [
    'Fax geschäftlich',
    'Télécopie (bureau)',
    'Fax del trabajo',
    'Fax ufficio',
    'Fax op werk',
    'Fax comercial',
    'Рабочий факс',
  ],
  'Home Fax': [
    'Fax privat',
    'Télécopie (domicile)',
    'Fax particular',
    'Fax abitazione',
    'Fax thuis',
    'Fax residencial',
    'Домашний факс',
  ],
  'Web Page': [
    'Webseite',
    'Page Web',
    'Página Web',
    'Pagina Web',
    'Webpagina',
    'Página da Web',
    'Веб-страница',
  ],
  'Business City': [
    'Ort geschäftlich',
    'Ville (bureau)',
    'Ciudad de trabajo',
    'Città (uff.)',
    'Plaats werk',
    'Cidade comercial',
    'Город (раб. адрес)',
  ],
  'Home City': [
    'Ort privat',
    'Ville (domicile)',
    'Ciudad del domicilio',
    'Città (ab.)',
    'Woonplaats',
    'Cidade residencial',
    'Город (дом. адрес)',
  ],
  'Business Country/Region': [
    'Land/Region geschäftlich',
    'Pays/Région (bureau)',
    'País o región del trabajo',
    'Paese (uff.)',
    'Land/regio werk',
    'País/Região comercial',
    'Страна или регион (раб. адрес)',
  ],
  'Home Country/Region': [
    'Land/Region privat',
    'Pays/Région (domicile)',
    'País o región del domicilio',
    'Paese (ab.)',
    'Land/regio thuis',
    'País/Região residencial',
    'Страна или регион (дом. адрес)',
  ],
  Birthday: [
    'Geburtstag',
    'Anniversaire',
    'Cumpleaños',
    'Compleanno',
    'Verjaardag',
    'Aniversário',
    'День рождения',
  ],
  Anniversary: [
    'Jahrestag',
    'Anniversaire de mariage',
    'Aniversario',
    'Anniversario',
    'Jubileum',
    'Aniversário de casamento',
    'Годовщина',
  ],
  Notes: ['Notizen', 'Notes', 'Notas', 'Note', 'Notities', 'Notas', 'Заметки'],
  Categories: [
    'Kategorien',
    'Catégories',
    'Categorías',
    'Categorie',
    'Categorieën',
    'Categorias',
    'Категории',
  ],
};

const canonical = new Map<string, string>();
for (const [english, names] of Object.entries(OUTLOOK_HEADERS)) {
  canonical.set(foldText(english), english);
  for (const name of names) if (!canonical.has(foldText(name))) canonical.set(foldText(name), english);
}

/** The English name Outlook gives this column in any of the languages above, or undefined. */
export function outlookColumn(name: string): string | undefined {
  return canonical.get(foldText(name));
}

/** True when a column name is one of the translations (not English): the file is day-first. */
export function isTranslatedOutlookColumn(name: string): boolean {
  const english = outlookColumn(name);
  return english !== undefined && foldText(english) !== foldText(name);
}
