import type { OwnerKind } from './demo-types.ts';

/** Fictitious third-sector organisations and migrant associations of the demo, by region. */
export const INVENTED_ORGANISATIONS: Record<'08' | '19', { third_sector: string[]; migrant: string[] }> = {
  '08': {
    third_sector: [
      'Cooperativa sociale Terrafilo',
      'Associazione Lanterne Aperte',
      'Centro interculturale Casa dei Venti',
      "Associazione Vele d'Incontro",
      'Rete solidale Mille Approdi',
      'Associazione Pane e Parole',
      'Cooperativa sociale Ginestra Blu',
    ],
    migrant: ['Associazione Nuove Radici', "Associazione Stelle d'Oriente", 'Comunità Ubuntu Emiliana', 'Associazione Sabbia e Neve'],
  },
  '19': {
    third_sector: [
      'Cooperativa sociale Zagara Nuova',
      'Associazione Scirocco Solidale',
      'Centro interculturale Le Tre Sponde',
      'Associazione Approdo Chiaro',
      'Rete solidale Sale e Pane',
      'Ambulatorio volontario Porta Levante',
      'Cooperativa sociale Carrubo',
    ],
    migrant: ['Associazione Mare Comune', 'Comunità Bangla del Mediterraneo', 'Associazione Voci dal Sahel', "Associazione Gelsomino d'Africa"],
  },
};

/** The province capital of each plate code used by the demo (for the Prefettura). */
export const PROVINCE_CAPITALS: Record<string, string> = {
  BO: 'Bologna',
  MO: 'Modena',
  RE: 'Reggio Emilia',
  PR: 'Parma',
  FE: 'Ferrara',
  RA: 'Ravenna',
  RN: 'Rimini',
  FC: 'Forlì-Cesena',
  PC: 'Piacenza',
  PA: 'Palermo',
  CT: 'Catania',
  ME: 'Messina',
  SR: 'Siracusa',
  TP: 'Trapani',
  AG: 'Agrigento',
  RG: 'Ragusa',
  CL: 'Caltanissetta',
  EN: 'Enna',
};

/** The accounts organisation types that can stand for each kind of owner. */
export const ACCOUNT_TYPES_OF: Record<OwnerKind, string[]> = {
  comune: ['municipality'],
  prefecture: ['prefecture'],
  health: ['health_authority'],
  cpia: ['cpia'],
  employment: ['employment_centre'],
  school: ['school'],
  third_sector: ['third_sector', 'other'],
  migrant: ['migrant_association'],
  region: ['region'],
};

/** The name of a public office of the demo in a town (used when the accounts demo has none there). */
export function publicOfficeName(kind: OwnerKind, town: string, carCode: string, regionName: string): string {
  switch (kind) {
    case 'comune':
      return `Comune di ${town}`;
    case 'prefecture':
      return `Prefettura di ${PROVINCE_CAPITALS[carCode] ?? town}`;
    case 'health':
      return `Azienda sanitaria – Distretto di ${town}`;
    case 'cpia':
      return `CPIA – sede di ${town}`;
    case 'employment':
      return `Centro per l'impiego di ${town}`;
    case 'school':
      return `Istituto comprensivo Centro di ${town}`;
    default:
      return regionName;
  }
}
