/**
 * Dutch words of the schouw: the round, findings and their follow-up (a
 * message pack: ../pack.ts). The labels of the domain's enumerations live
 * here once; every schouw screen, the report and the exports read them
 * through `findingLabel` (labels.ts). en.ts carries the same keys.
 */
export const nl = {
  'schouwKind.withResidents': 'Schouw met bewoners',
  'schouwKind.wijkbeheerder': 'Schouw door de wijkbeheerder',
  'schouwKind.summer': 'Zomerschouw',
  'schouwKind.winter': 'Winterschouw',

  'schouwMethod.crow': 'CROW-niveaus (A+ t/m D)',
  'schouwMethod.goodBadPlus': 'Goed / slecht / plus',
  'schouwMethod.free': 'Vrije notities (geen niveau)',

  'level.A+': 'A+ (zeer hoog, als nieuw)',
  'level.A': 'A (hoog)',
  'level.B': 'B (basis)',
  'level.C': 'C (laag, achterstand)',
  'level.D': 'D (zeer laag)',
  'level.good': 'Goed',
  'level.bad': 'Slecht',
  'level.plus': 'Plus (beter dan verwacht)',
  'level.none': 'Geen niveau',

  'element.pavement': 'Stoep en bestrating',
  'element.road': 'Rijweg',
  'element.cyclePath': 'Fietspad',
  'element.planting': 'Beplanting en struiken',
  'element.grass': 'Gras',
  'element.hedge': 'Haag',
  'element.tree': 'Boom en boomspiegel',
  'element.litterBin': 'Afvalbak',
  'element.undergroundContainer': 'Ondergrondse container',
  'element.streetFurniture': 'Straatmeubilair (bank, paal, hek, fietsenrek)',
  'element.playEquipment': 'Speeltoestel',
  'element.streetLighting': 'Straatverlichting',
  'element.trafficSign': 'Verkeersbord',
  'element.water': 'Water, oever en kade',
  'element.drain': 'Kolk en put',
  'element.other': 'Iets anders',

  'aspect.litterFine': 'Zwerfafval, fijn (tot 10 cm)',
  'aspect.litterCoarse': 'Zwerfafval, grof',
  'aspect.weedsPaving': 'Onkruid op verharding',
  'aspect.weedsPlanting': 'Onkruid in beplanting',
  'aspect.damage': 'Beschadigd',
  'aspect.leaning': 'Scheef of verzakt',
  'aspect.loosePaving': 'Losliggende tegels',
  'aspect.graffiti': 'Graffiti of wildplakken',
  'aspect.dogFouling': 'Hondenpoep',
  'aspect.leaves': 'Bladafval',
  'aspect.binFull': 'Afvalbak vol',
  'aspect.dumpedWaste': 'Dumping of bijplaatsing',
  'aspect.overgrown': 'Overwoekerd',
  'aspect.bare': 'Kale plekken',
  'aspect.lightOut': 'Lamp kapot',
  'aspect.missing': 'Ontbreekt',
  'aspect.unsafe': 'Onveilige situatie',
  'aspect.other': 'Iets anders',
  'aspect.opportunity': 'Kans: kan beter',

  'action.reportFixi': 'Melden in FIXI',
  'action.fixedOnSpot': 'Ter plekke opgelost',
  'action.residentsActionList': 'Actielijst bewoners',
  'action.referHousingCorporation': 'Doorverwijzen naar woningcorporatie',
  'action.referOtherDepartment': 'Doorverwijzen naar andere afdeling',
  'action.none': 'Geen actie',

  'meldingStatus.notReported': 'Nog niet gemeld',
  'meldingStatus.received': 'Ontvangen',
  'meldingStatus.inProgress': 'In behandeling',
  'meldingStatus.resolved': 'Afgehandeld',

  'findingStatus.new': 'Nieuw',
  'findingStatus.reported': 'Gemeld',
  'findingStatus.inProgress': 'In behandeling',
  'findingStatus.resolved': 'Opgelost',
  'findingStatus.wontFix': 'Wordt niet opgepakt',
};

export type FindingsKey = keyof typeof nl;
