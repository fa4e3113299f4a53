import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// Letters to residents: templates with immutable versions, the letterhead, and the
// register of issued letters (protocol number per year, gap-free, and the SHA-256 of
// the rendered letter), grouped in batches. Five built-in Italian templates.

type Run = string | { b: string } | { br: true };
const runs = (items: Run[]) =>
  items.map((r) =>
    typeof r === 'string'
      ? { type: 'text', text: r }
      : 'br' in r
        ? { type: 'hardBreak' }
        : { type: 'text', text: r.b, marks: [{ type: 'bold' }] },
  );
const p = (...items: Run[]) => ({ type: 'paragraph', content: runs(items) });
const h = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: runs([text]) });
const ul = (...items: Run[][]) => ({
  type: 'bulletList',
  content: items.map((it) => ({ type: 'listItem', content: [p(...it)] })),
});
const doc = (...content: object[]) => JSON.stringify({ type: 'doc', content });

const greeting = p('{{destinatario.saluto}} {{destinatario.nome}},');
const contacts = p(
  'Per informazioni può rivolgersi allo sportello del tutor di condominio: {{sportello.orari}}. Telefono {{cooperativa.telefono}}, e-mail {{cooperativa.email}}.',
);
const closing = p(
  'Cordiali saluti.',
  { br: true },
  '{{operatore.nome}}',
  { br: true },
  '{{cooperativa.nome}}',
);

const BUILT_IN: { key: string; name: string; subject: string; body: string }[] = [
  {
    key: 'convocazione_caseggiato',
    name: 'Convocazione a un incontro di caseggiato',
    subject: 'Incontro degli abitanti del caseggiato, {{incontro.data}}',
    body: doc(
      greeting,
      p('La invitiamo a un incontro con gli abitanti del caseggiato di {{caseggiato.indirizzo}}.'),
      ul(
        [{ b: 'Data:' }, ' {{incontro.data}}'],
        [{ b: 'Ora:' }, ' {{incontro.ora}}'],
        [{ b: 'Luogo:' }, ' {{incontro.luogo}}'],
      ),
      h('Ordine del giorno'),
      p('{{incontro.ordine_del_giorno}}'),
      p('La Sua presenza è importante. Se non può venire, può partecipare un altro componente del nucleo.'),
      contacts,
      closing,
    ),
  },
  {
    key: 'colloquio_morosita',
    name: 'Invito a un colloquio sulla morosità',
    subject: 'Invito a un colloquio',
    body: doc(
      greeting,
      p(
        'Dai dati dell’ente gestore risulta un debito per l’affitto di {{morosita.saldo}}, pari a {{morosita.mesi}} mensilità.',
      ),
      p('Vorremmo parlarne con Lei. Insieme possiamo cercare una soluzione, ad esempio un piano di rientro.'),
      p(
        'La invitiamo a venire allo sportello o a telefonarci entro quindici giorni, per fissare un appuntamento.',
      ),
      p('Se ha già pagato, non tenga conto di questa lettera.'),
      contacts,
      closing,
    ),
  },
  {
    key: 'promemoria_rata',
    name: 'Promemoria della rata del piano di rientro',
    subject: 'Promemoria della prossima rata del piano di rientro',
    body: doc(
      greeting,
      p('Le ricordiamo la prossima rata del Suo piano di rientro.'),
      ul(
        [{ b: 'Scadenza:' }, ' {{piano.prossima_rata_data}}'],
        [{ b: 'Importo:' }, ' {{piano.prossima_rata_importo}}'],
      ),
      p('Pagare con regolarità Le permette di mantenere il piano.'),
      p(
        'Se ha difficoltà a pagare, ci contatti prima della scadenza. Possiamo cercare insieme una soluzione.',
      ),
      p('Se ha già pagato, grazie: non tenga conto di questa lettera.'),
      contacts,
      closing,
    ),
  },
  {
    key: 'orari_tutor',
    name: 'Orari e contatti del tutor e dello sportello',
    subject: 'Il tutor di condominio: orari e contatti',
    body: doc(
      greeting,
      p('Le scriviamo per ricordarLe come raggiungere il tutor di condominio del Suo caseggiato.'),
      p(
        'Il tutor ascolta gli abitanti, aiuta nei rapporti con l’ente gestore e con i servizi, e sostiene la vita del caseggiato.',
      ),
      h('Sportello'),
      ul(
        [{ b: 'Orari:' }, ' {{sportello.orari}}'],
        [{ b: 'Indirizzo:' }, ' {{cooperativa.indirizzo}}'],
        [{ b: 'Telefono:' }, ' {{cooperativa.telefono}}'],
        [{ b: 'E-mail:' }, ' {{cooperativa.email}}'],
      ),
      p('Può venire senza appuntamento negli orari di apertura.'),
      closing,
    ),
  },
  {
    key: 'comunicazione',
    name: 'Comunicazione generica',
    subject: 'Comunicazione',
    body: doc(
      greeting,
      p('Con questa lettera Le comunichiamo che (scrivere qui la comunicazione).'),
      p('Restiamo a disposizione per ogni chiarimento.'),
      contacts,
      closing,
    ),
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // A template's texts live in its versions; the template row only names it.
    `CREATE TABLE letter_templates (
      id INTEGER PRIMARY KEY,
      builtin_key TEXT UNIQUE,
      name TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      current_version INTEGER NOT NULL CHECK (current_version >= 1),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // Immutable: a change to a template writes a new version; issued letters name theirs.
    `CREATE TABLE letter_template_versions (
      template_id INTEGER NOT NULL REFERENCES letter_templates(id),
      version INTEGER NOT NULL CHECK (version >= 1),
      subject TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      PRIMARY KEY (template_id, version)
    ) STRICT`,
    `CREATE TRIGGER letter_template_versions_no_update BEFORE UPDATE ON letter_template_versions
      BEGIN SELECT RAISE(ABORT, 'letter template versions are immutable'); END`,
    `CREATE TRIGGER letter_template_versions_no_delete BEFORE DELETE ON letter_template_versions
      BEGIN SELECT RAISE(ABORT, 'letter template versions are immutable'); END`,
    // One row (id = 1) once a coordinator saves it; until then the cooperative's data is used.
    `CREATE TABLE letter_letterhead (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      phone TEXT NOT NULL,
      email TEXT NOT NULL,
      footer TEXT NOT NULL,
      sportello_hours TEXT NOT NULL,
      logo BLOB,
      logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // values: JSON object of the values given for the whole batch (meeting date, place…).
    `CREATE TABLE letter_batches (
      id INTEGER PRIMARY KEY,
      template_id INTEGER NOT NULL,
      template_version INTEGER NOT NULL,
      issued_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      source TEXT NOT NULL CHECK (source IN ('nucleo', 'selezione', 'caseggiato')),
      building_id INTEGER REFERENCES buildings(id),
      letter_count INTEGER NOT NULL CHECK (letter_count >= 1),
      batch_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(batch_values)),
      FOREIGN KEY (template_id, template_version) REFERENCES letter_template_versions(template_id, version)
    ) STRICT`,
    // The register. protocol = year/number (number zero-padded to 6 digits), allocated
    // inside the issuing transaction as max + 1 of the year: unique and gap-free.
    `CREATE TABLE letters (
      id INTEGER PRIMARY KEY,
      protocol TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      number INTEGER NOT NULL CHECK (number >= 1),
      household_id INTEGER NOT NULL REFERENCES households(id),
      template_id INTEGER NOT NULL,
      template_version INTEGER NOT NULL,
      issued_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      batch_id INTEGER NOT NULL REFERENCES letter_batches(id),
      FOREIGN KEY (template_id, template_version) REFERENCES letter_template_versions(template_id, version)
    ) STRICT`,
    `CREATE UNIQUE INDEX letters_year_number ON letters (year, number)`,
    `CREATE INDEX letters_household ON letters (household_id, issued_at)`,
    `CREATE INDEX letters_batch ON letters (batch_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  const now = new Date().toISOString();
  for (const t of BUILT_IN) {
    const inserted = await sql<{ id: number }>`
      INSERT INTO letter_templates (builtin_key, name, active, current_version, created_at, updated_at, created_by)
      VALUES (${t.key}, ${t.name}, 1, 1, ${now}, ${now}, NULL) RETURNING id`.execute(db);
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('built-in letter template not inserted');
    await sql`
      INSERT INTO letter_template_versions (template_id, version, subject, body, created_at, created_by)
      VALUES (${id}, 1, ${t.subject}, ${t.body}, ${now}, NULL)`.execute(db);
  }
}
