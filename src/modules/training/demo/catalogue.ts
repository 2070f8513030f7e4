import type { Modality } from '../domain/vocabulary.ts';

/** A path of the demo programme, in Italian and English. */
export interface DemoPath {
  code: string;
  regions: ('08' | '19')[];
  modality: Modality;
  title: [it: string, en: string];
  objectives: [it: string, en: string];
  competences: [it: string, en: string][];
}

const c = (it: string, en: string): [string, string] => [it, en];

/** The 18 cooperative-learning paths the project plans, spread over Emilia-Romagna and Sicilia. */
export const DEMO_PATHS: DemoPath[] = [
  { code: 'FC-01', regions: ['08'], modality: 'in_person', title: c('Accoglienza e primo orientamento ai servizi', 'Reception and first guidance to services'),
    objectives: c('Costruire un linguaggio comune tra sportelli pubblici e terzo settore per orientare i cittadini di paesi terzi ai servizi del territorio.', 'Build a shared language between public desks and the third sector to guide third-country nationals to local services.'),
    competences: [c('Leggere il bisogno espresso e quello implicito', 'Read stated and unstated needs'), c('Conoscere la rete dei servizi locali', 'Know the local service network'), c('Fare un invio accompagnato', 'Make an accompanied referral')] },
  { code: 'FC-02', regions: ['08'], modality: 'blended', title: c('Permessi di soggiorno: procedure e diritti', 'Residence permits: procedures and rights'),
    objectives: c('Conoscere tipologie e procedure dei permessi di soggiorno e i diritti connessi, per ridurre errori e attese agli sportelli.', 'Know the kinds and procedures of residence permits and the rights attached, to reduce errors and waiting at desks.'),
    competences: [c('Distinguere i tipi di permesso', 'Tell the kinds of permit apart'), c('Guidare un rinnovo completo', 'Guide a complete renewal'), c('Riconoscere i diritti connessi al titolo', 'Recognise the rights attached to a permit')] },
  { code: 'FC-03', regions: ['08'], modality: 'in_person', title: c('Mediazione linguistico-culturale nei servizi', 'Language and cultural mediation in services'),
    objectives: c('Lavorare in équipe con mediatori e mediatrici: quando chiamarli, come preparare il colloquio, come valutarne l’esito.', 'Work as a team with mediators: when to call them, how to prepare the interview, how to assess its outcome.'),
    competences: [c('Preparare un colloquio mediato', 'Prepare a mediated interview'), c('Gestire il triangolo operatore-mediatore-utente', 'Manage the worker-mediator-user triangle'), c('Valutare la qualità della mediazione', 'Assess the quality of mediation')] },
  { code: 'FC-04', regions: ['08'], modality: 'online', title: c('Contrasto alle discriminazioni', 'Tackling discrimination'),
    objectives: c('Riconoscere le discriminazioni dirette e indirette, raccogliere le segnalazioni e attivare la rete antidiscriminazione.', 'Recognise direct and indirect discrimination, receive reports and activate the anti-discrimination network.'),
    competences: [c('Riconoscere una discriminazione indiretta', 'Recognise indirect discrimination'), c('Raccogliere una segnalazione', 'Take a report'), c('Attivare la rete regionale', 'Activate the regional network')] },
  { code: 'FC-05', regions: ['08'], modality: 'blended', title: c('Lavoro e inserimento lavorativo', 'Work and job placement'),
    objectives: c('Collegare centri per l’impiego, enti di formazione e associazioni per percorsi di inserimento lavorativo efficaci.', 'Connect employment centres, training bodies and associations for effective job placement paths.'),
    competences: [c('Riconoscere competenze acquisite all’estero', 'Recognise skills gained abroad'), c('Costruire un progetto di inserimento', 'Build a placement plan'), c('Usare gli strumenti di politica attiva', 'Use active labour policy tools')] },
  { code: 'FC-06', regions: ['08'], modality: 'in_person', title: c('Salute e accesso al Servizio sanitario', 'Health and access to the National Health Service'),
    objectives: c('Facilitare l’iscrizione al SSN e l’accesso alle cure, anche per chi non ha un titolo di soggiorno.', 'Ease registration with the health service and access to care, including for people without a permit.'),
    competences: [c('Guidare l’iscrizione al SSN', 'Guide health service registration'), c('Conoscere il codice STP', 'Know the STP code'), c('Orientare ai consultori e ai servizi territoriali', 'Guide to family and local health services')] },
  { code: 'FC-07', regions: ['08', '19'], modality: 'online', title: c('Progettare servizi con le comunità', 'Designing services with communities'),
    objectives: c('Coinvolgere le associazioni dei migranti nella progettazione e valutazione dei servizi pubblici.', 'Involve migrant associations in the design and evaluation of public services.'),
    competences: [c('Condurre un laboratorio partecipativo', 'Run a participatory workshop'), c('Co-progettare con il terzo settore', 'Co-design with the third sector'), c('Valutare insieme un servizio', 'Evaluate a service together')] },
  { code: 'FC-08', regions: ['08'], modality: 'in_person', title: c('Scuola, famiglie e minori stranieri', 'Schools, families and foreign minors'),
    objectives: c('Accogliere alunni e famiglie di origine straniera: iscrizione, lingua della scuola, rapporto con i servizi sociali.', 'Welcome pupils and families of foreign origin: enrolment, the language of school, work with social services.'),
    competences: [c('Gestire un’iscrizione in corso d’anno', 'Handle a mid-year enrolment'), c('Costruire un piano didattico personalizzato', 'Build a personalised learning plan'), c('Collaborare con i servizi sociali', 'Work with social services')] },
  { code: 'FC-09', regions: ['08'], modality: 'blended', title: c('Casa e abitare', 'Housing'),
    objectives: c('Affrontare insieme discriminazioni e ostacoli nell’accesso alla casa, tra edilizia pubblica e mercato privato.', 'Tackle together the discrimination and obstacles in access to housing, public and private.'),
    competences: [c('Conoscere i requisiti per l’edilizia pubblica', 'Know the public housing requirements'), c('Mediare con i proprietari', 'Mediate with landlords'), c('Attivare l’abitare temporaneo', 'Activate temporary housing')] },
  { code: 'FC-10', regions: ['19'], modality: 'in_person', title: c('Protezione internazionale e accoglienza', 'International protection and reception'),
    objectives: c('Conoscere il sistema di accoglienza e la procedura di protezione internazionale, dall’arrivo all’integrazione.', 'Know the reception system and the international protection procedure, from arrival to integration.'),
    competences: [c('Orientarsi nella procedura di asilo', 'Find one’s way in the asylum procedure'), c('Conoscere il sistema SAI', 'Know the SAI system'), c('Accompagnare l’uscita dall’accoglienza', 'Accompany the exit from reception')] },
  { code: 'FC-11', regions: ['19'], modality: 'in_person', title: c('Minori stranieri non accompagnati', 'Unaccompanied foreign minors'),
    objectives: c('Coordinare tutori, comunità, servizi sociali e scuole nella presa in carico dei minori non accompagnati.', 'Coordinate guardians, communities, social services and schools in caring for unaccompanied minors.'),
    competences: [c('Conoscere il ruolo del tutore volontario', 'Know the role of the volunteer guardian'), c('Costruire il progetto individuale', 'Build the individual plan'), c('Preparare il passaggio alla maggiore età', 'Prepare the transition to adulthood')] },
  { code: 'FC-12', regions: ['19'], modality: 'blended', title: c('Lavoro agricolo e contrasto allo sfruttamento', 'Farm work and fighting exploitation'),
    objectives: c('Riconoscere lo sfruttamento lavorativo e il caporalato, e attivare i percorsi di emersione e tutela.', 'Recognise labour exploitation and illegal gangmastering, and activate the paths of emersion and protection.'),
    competences: [c('Riconoscere gli indicatori di sfruttamento', 'Recognise the signs of exploitation'), c('Attivare la rete anti-tratta', 'Activate the anti-trafficking network'), c('Accompagnare verso un lavoro regolare', 'Accompany towards regular work')] },
  { code: 'FC-13', regions: ['19'], modality: 'online', title: c('Italiano per il lavoro nei servizi', 'Italian for work in services'),
    objectives: c('Progettare insieme a CPIA e associazioni percorsi di italiano legati al lavoro e ai servizi.', 'Design with adult-education centres and associations Italian courses tied to work and services.'),
    competences: [c('Valutare il livello linguistico', 'Assess the language level'), c('Progettare un corso per adulti', 'Design a course for adults'), c('Semplificare i testi amministrativi', 'Simplify administrative texts')] },
  { code: 'FC-14', regions: ['19'], modality: 'in_person', title: c('Violenza di genere e donne migranti', 'Gender-based violence and migrant women'),
    objectives: c('Riconoscere la violenza di genere e attivare la rete dei centri antiviolenza con attenzione alle donne migranti.', 'Recognise gender-based violence and activate the anti-violence network with attention to migrant women.'),
    competences: [c('Riconoscere i segnali di violenza', 'Recognise the signs of violence'), c('Conoscere la rete antiviolenza', 'Know the anti-violence network'), c('Tutelare il titolo di soggiorno della vittima', 'Protect the victim’s residence permit')] },
  { code: 'FC-15', regions: ['19'], modality: 'blended', title: c('Cittadinanza e partecipazione', 'Citizenship and participation'),
    objectives: c('Accompagnare verso la cittadinanza italiana e promuovere la partecipazione civica delle comunità straniere.', 'Accompany towards Italian citizenship and promote the civic participation of foreign communities.'),
    competences: [c('Guidare la domanda di cittadinanza', 'Guide the citizenship application'), c('Promuovere consulte e rappresentanze', 'Promote councils and representation'), c('Comunicare in modo accessibile', 'Communicate accessibly')] },
  { code: 'FC-16', regions: ['19'], modality: 'in_person', title: c('Salute mentale e trauma', 'Mental health and trauma'),
    objectives: c('Riconoscere il disagio psichico legato al percorso migratorio e costruire invii appropriati ai servizi.', 'Recognise mental distress linked to migration and make appropriate referrals to services.'),
    competences: [c('Riconoscere i segnali di trauma', 'Recognise the signs of trauma'), c('Fare un invio ai servizi di salute mentale', 'Refer to mental health services'), c('Prendersi cura di chi cura', 'Take care of the carers')] },
  { code: 'FC-17', regions: ['08', '19'], modality: 'online', title: c('Dati e monitoraggio delle politiche di integrazione', 'Data and monitoring of integration policies'),
    objectives: c('Usare i dati dell’osservatorio per programmare e valutare le politiche di integrazione a livello locale.', 'Use the observatory’s data to plan and evaluate integration policies locally.'),
    competences: [c('Leggere gli indicatori ISTAT', 'Read ISTAT indicators'), c('Costruire un indicatore di servizio', 'Build a service indicator'), c('Valutare in modo partecipato', 'Evaluate in a participatory way')] },
  { code: 'FC-18', regions: ['19'], modality: 'in_person', title: c('Lavorare in rete: i Consigli territoriali', 'Working as a network: the Territorial Councils'),
    objectives: c('Rafforzare i Consigli territoriali per l’immigrazione come luogo di coordinamento tra Prefetture, enti locali e terzo settore.', 'Strengthen the Territorial Councils for Immigration as the place where Prefetture, local authorities and the third sector coordinate.'),
    competences: [c('Preparare un ordine del giorno condiviso', 'Prepare a shared agenda'), c('Scrivere un protocollo d’intesa', 'Write a memorandum of understanding'), c('Seguire le decisioni prese', 'Follow up decisions')] },
];

/** Invented organisations applicants name in free text, by region and profile. */
export const DEMO_FREE_ORGANISATIONS: Record<'08' | '19', Record<'public' | 'third_sector' | 'migrant_association' | 'other', string[]>> = {
  '08': {
    public: ['Comune di Modena', 'Comune di Parma', 'Comune di Ravenna', 'Comune di Reggio Emilia', 'AUSL della Romagna', 'Unione dei Comuni della Bassa Romagna'],
    third_sector: ['Cooperativa sociale Il Germoglio', 'Associazione Casa delle Culture', 'Cooperativa Nuovi Orizzonti', 'Fondazione San Petronio Solidale'],
    migrant_association: ['Associazione Senegalesi di Romagna', 'Comunità Filippina di Bologna', 'Associazione Donne Maghrebine', 'Associazione Ucraina Emilia'],
    other: ['Studio legale Diritti e Migrazioni', 'Sindacato inquilini di Bologna'],
  },
  '19': {
    public: ['Comune di Catania', 'Comune di Messina', 'Comune di Ragusa', 'ASP di Catania', 'Comune di Agrigento', 'Libero Consorzio di Trapani'],
    third_sector: ['Cooperativa sociale Il Faro', 'Associazione Accoglienza Mediterranea', 'Cooperativa Zagara', 'Centro Astalli Sicilia Solidale'],
    migrant_association: ['Associazione Tunisini di Mazara', 'Comunità Bengalese di Palermo', 'Associazione Ghanese di Sicilia', 'Associazione Donne Nigeriane'],
    other: ['Sportello legale Migranti Palermo', 'Osservatorio Mediterraneo sul Lavoro'],
  },
};
