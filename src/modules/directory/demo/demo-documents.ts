import type { DocumentKey, ItEn } from './demo-types.ts';

/** The documents to bring, in Italian and English. */
export const DEMO_DOCUMENTS: Record<DocumentKey, ItEn> = {
  passport: ["Passaporto o altro documento d'identità", 'Passport or another identity document'],
  permit: ['Permesso di soggiorno (anche scaduto) o ricevuta della richiesta', 'Residence permit (even expired) or the receipt of your application'],
  taxCode: ['Codice fiscale', 'Tax code'],
  healthCard: ['Tessera sanitaria', 'Health card'],
  residence: ['Certificato di residenza o dichiarazione di domicilio', 'Certificate of residence or declaration of address'],
  isee: ['Attestazione ISEE in corso di validità', 'Valid ISEE statement (household income)'],
  photos: ['Quattro fototessere recenti', 'Four recent passport photos'],
  stamp: ['Marca da bollo da 16 euro', 'A €16 revenue stamp'],
  rentContract: ["Contratto d'affitto o dichiarazione di ospitalità", 'Rental contract or declaration of hospitality'],
  payslips: ['Contratto di lavoro e ultime buste paga', 'Employment contract and latest payslips'],
  diploma: ['Titolo di studio originale con traduzione', 'Original diploma with its translation'],
  schoolReport: ['Pagelle o certificati della scuola precedente', 'Reports or certificates from the previous school'],
  vaccinations: ['Libretto delle vaccinazioni del bambino', "The child's vaccination record"],
  birthCert: ['Certificato di nascita tradotto e legalizzato', 'Translated and legalised birth certificate'],
  cv: ['Curriculum vitae, se lo hai', 'Your CV, if you have one'],
  noDocument: ['Nessun documento obbligatorio: puoi venire anche senza', 'No document needed: you can come without one'],
  commissionDecision: ['Decisione della Commissione territoriale', 'Decision of the Territorial Commission'],
  medicalRecords: ['Eventuali referti medici', 'Any medical reports you have'],
  kit: ['Kit postale compilato, se lo hai già ritirato', 'The post-office kit, filled in, if you already have it'],
};
