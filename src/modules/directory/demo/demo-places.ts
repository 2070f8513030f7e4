/** A town of the demo: its ISTAT name, postal code, phone area code and the coordinates of its centre. */
export interface DemoTown {
  regionCode: '08' | '19';
  /** Name as in the ISTAT list (the code is looked up by name). */
  name: string;
  carCode: string;
  postalCode: string;
  areaCode: string;
  latitude: number;
  longitude: number;
  /** How many services the town gets relative to the others of its region. */
  weight: number;
}

/** Real municipalities of Emilia-Romagna and Sicily, with the coordinates of their historic centres. */
export const DEMO_TOWNS: DemoTown[] = [
  { regionCode: '08', name: 'Bologna', carCode: 'BO', postalCode: '40121', areaCode: '051', latitude: 44.4938, longitude: 11.3426, weight: 6 },
  { regionCode: '08', name: 'Modena', carCode: 'MO', postalCode: '41121', areaCode: '059', latitude: 44.6471, longitude: 10.9252, weight: 3 },
  { regionCode: '08', name: "Reggio nell'Emilia", carCode: 'RE', postalCode: '42121', areaCode: '0522', latitude: 44.6983, longitude: 10.6312, weight: 3 },
  { regionCode: '08', name: 'Parma', carCode: 'PR', postalCode: '43121', areaCode: '0521', latitude: 44.8015, longitude: 10.3279, weight: 3 },
  { regionCode: '08', name: 'Ferrara', carCode: 'FE', postalCode: '44121', areaCode: '0532', latitude: 44.8381, longitude: 11.6198, weight: 2 },
  { regionCode: '08', name: 'Ravenna', carCode: 'RA', postalCode: '48121', areaCode: '0544', latitude: 44.4184, longitude: 12.2035, weight: 2 },
  { regionCode: '08', name: 'Rimini', carCode: 'RN', postalCode: '47921', areaCode: '0541', latitude: 44.0594, longitude: 12.5683, weight: 2 },
  { regionCode: '08', name: 'Forlì', carCode: 'FC', postalCode: '47121', areaCode: '0543', latitude: 44.2227, longitude: 12.0407, weight: 2 },
  { regionCode: '08', name: 'Piacenza', carCode: 'PC', postalCode: '29121', areaCode: '0523', latitude: 45.0526, longitude: 9.693, weight: 2 },
  { regionCode: '08', name: 'Cesena', carCode: 'FC', postalCode: '47521', areaCode: '0547', latitude: 44.1391, longitude: 12.2431, weight: 1 },
  { regionCode: '08', name: 'Imola', carCode: 'BO', postalCode: '40026', areaCode: '0542', latitude: 44.3531, longitude: 11.7148, weight: 1 },
  { regionCode: '08', name: 'Carpi', carCode: 'MO', postalCode: '41012', areaCode: '059', latitude: 44.7837, longitude: 10.885, weight: 1 },
  { regionCode: '08', name: 'Faenza', carCode: 'RA', postalCode: '48018', areaCode: '0546', latitude: 44.2857, longitude: 11.8833, weight: 1 },
  { regionCode: '08', name: 'Sassuolo', carCode: 'MO', postalCode: '41049', areaCode: '0536', latitude: 44.5434, longitude: 10.7847, weight: 1 },
  { regionCode: '19', name: 'Palermo', carCode: 'PA', postalCode: '90133', areaCode: '091', latitude: 38.1157, longitude: 13.3615, weight: 6 },
  { regionCode: '19', name: 'Catania', carCode: 'CT', postalCode: '95131', areaCode: '095', latitude: 37.5079, longitude: 15.083, weight: 4 },
  { regionCode: '19', name: 'Messina', carCode: 'ME', postalCode: '98122', areaCode: '090', latitude: 38.1938, longitude: 15.554, weight: 2 },
  { regionCode: '19', name: 'Siracusa', carCode: 'SR', postalCode: '96100', areaCode: '0931', latitude: 37.0755, longitude: 15.2866, weight: 2 },
  { regionCode: '19', name: 'Trapani', carCode: 'TP', postalCode: '91100', areaCode: '0923', latitude: 38.0176, longitude: 12.5365, weight: 2 },
  { regionCode: '19', name: 'Agrigento', carCode: 'AG', postalCode: '92100', areaCode: '0922', latitude: 37.3111, longitude: 13.5766, weight: 2 },
  { regionCode: '19', name: 'Ragusa', carCode: 'RG', postalCode: '97100', areaCode: '0932', latitude: 36.9269, longitude: 14.7255, weight: 2 },
  { regionCode: '19', name: 'Caltanissetta', carCode: 'CL', postalCode: '93100', areaCode: '0934', latitude: 37.4901, longitude: 14.0629, weight: 1 },
  { regionCode: '19', name: 'Enna', carCode: 'EN', postalCode: '94100', areaCode: '0935', latitude: 37.567, longitude: 14.2795, weight: 1 },
  { regionCode: '19', name: 'Marsala', carCode: 'TP', postalCode: '91025', areaCode: '0923', latitude: 37.7986, longitude: 12.4347, weight: 1 },
  { regionCode: '19', name: 'Gela', carCode: 'CL', postalCode: '93012', areaCode: '0933', latitude: 37.0664, longitude: 14.2503, weight: 1 },
  { regionCode: '19', name: 'Vittoria', carCode: 'RG', postalCode: '97019', areaCode: '0932', latitude: 36.9534, longitude: 14.5326, weight: 1 },
  { regionCode: '19', name: 'Mazara del Vallo', carCode: 'TP', postalCode: '91026', areaCode: '0923', latitude: 37.6519, longitude: 12.5903, weight: 1 },
  { regionCode: '19', name: 'Acireale', carCode: 'CT', postalCode: '95024', areaCode: '095', latitude: 37.6126, longitude: 15.1656, weight: 1 },
];

/** Ordinary Italian street names for the demo addresses (house numbers are made up). */
export const DEMO_STREETS = [
  'Via Roma',
  'Via Giuseppe Garibaldi',
  'Via Giuseppe Mazzini',
  'Corso Vittorio Emanuele II',
  'Via Camillo Cavour',
  'Via XX Settembre',
  'Via Dante Alighieri',
  'Via Giuseppe Verdi',
  'Viale della Libertà',
  'Piazza del Popolo',
  'Via Nazionale',
  'Via della Repubblica',
  'Via Alessandro Manzoni',
  'Via Guglielmo Marconi',
  'Via Antonio Gramsci',
  'Via Papa Giovanni XXIII',
];
