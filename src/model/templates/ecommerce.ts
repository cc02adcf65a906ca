/**
 * The e-commerce template: an online fashion and home-goods shop with a few physical stores.
 * Its curve is high at discovery and while using the product, and dips at delivery and
 * returns, where "where is my order?" and "where is my refund?" fill the contact centre.
 * Volumes are contacts per month; owners are company teams.
 */
import {
  arranged,
  BLUEPRINT,
  channel,
  device,
  laneCells,
  type MapTemplate,
  stage,
  touch,
} from './build';

const S = {
  discovery: 'stage-discovery',
  research: 'stage-research',
  purchase: 'stage-purchase',
  delivery: 'stage-delivery',
  use: 'stage-use',
  returns: 'stage-returns',
  loyalty: 'stage-loyalty',
} as const;
const C = {
  web: 'ch-web',
  app: 'ch-app',
  email: 'ch-email',
  chat: 'ch-chat',
  social: 'ch-social',
  messaging: 'ch-messaging',
  phone: 'ch-phone',
  store: 'ch-store',
} as const;
const D = {
  smartphone: 'dev-smartphone',
  pc: 'dev-pc',
  tablet: 'dev-tablet',
  kiosk: 'dev-kiosk',
} as const;
const KPI = {
  aht: 'kpi-handling-time',
  transfer: 'kpi-transfer-rate',
  conversion: 'kpi-conversion',
} as const;

const nodes = [
  stage('discovery', 'Discovery', 1),
  stage('research', 'Research', 2),
  stage('purchase', 'Purchase', 3),
  stage('delivery', 'Delivery', 4),
  stage('use', 'Use', 5),
  stage('returns', 'Returns and support', 6),
  stage('loyalty', 'Loyalty', 7),
  channel('web', 'Online store', 'web'),
  channel('app', 'Shopping app', 'app'),
  channel('email', 'E-mail', 'email'),
  channel('chat', 'Web chat', 'chat'),
  channel('social', 'Social networks', 'social'),
  channel('messaging', 'WhatsApp', 'messaging'),
  channel('phone', 'Customer service line', 'phone'),
  channel('store', 'Shops', 'store'),
  device('smartphone', 'Smartphone', 'smartphone'),
  device('pc', 'PC', 'pc'),
  device('tablet', 'Tablet', 'tablet'),
  device('kiosk', 'In-store kiosk', 'kiosk'),
];

const journey = [
  touch(S.discovery, C.social, {
    action: 'Sees a creator review the product',
    emotion: 2,
    pains: ['The ad opens the home page, not the product'],
    opportunities: ['Deep links straight to the product page'],
    owner: 'Marketing',
    volume: 200000,
  }),
  touch(S.discovery, C.email, {
    action: 'Opens a promotional e-mail',
    emotion: 1,
    pains: ['Four e-mails a week feel like spam'],
    opportunities: ['Let customers choose how often they hear from us'],
    owner: 'CRM',
    volume: 150000,
  }),
  touch(S.research, C.web, {
    action: 'Compares products, reviews and sizes',
    emotion: 1,
    pains: ['The size guide differs from brand to brand'],
    opportunities: ['Fit advice based on past orders'],
    owner: 'E-commerce',
    volume: 600000,
    kpiIds: [KPI.conversion],
  }),
  touch(S.research, C.chat, {
    action: 'Asks whether the product is in stock in their size',
    emotion: 0,
    pains: ['Chat answers only in office hours'],
    opportunities: ['Stock answers from the assistant at any hour'],
    owner: 'Customer service',
    volume: 22000,
    kpiIds: [KPI.aht],
  }),
  touch(S.research, C.store, {
    action: 'Tries the product on in a shop',
    emotion: 1,
    pains: ['Shop stock is not visible online'],
    opportunities: ['Show shop stock on the product page'],
    owner: 'Retail',
    volume: 40000,
  }),
  touch(S.purchase, C.web, {
    action: 'Pays at checkout',
    emotion: 0,
    pains: ['An account is required to pay', 'Delivery costs appear only at the end'],
    opportunities: ['Guest checkout', 'Delivery costs on the product page'],
    owner: 'E-commerce',
    volume: 90000,
    kpiIds: [KPI.conversion],
  }),
  touch(S.purchase, C.app, {
    action: 'Buys with one tap',
    emotion: 1,
    pains: ['The app crashes on older phones'],
    opportunities: ['A lighter app for older phones'],
    owner: 'Digital product',
    volume: 45000,
  }),
  touch(S.delivery, C.email, {
    action: 'Receives the tracking link',
    emotion: 0,
    pains: ['Tracking says "label created" for days'],
    opportunities: ['Carrier events in real time'],
    owner: 'Logistics',
    volume: 130000,
  }),
  touch(S.delivery, C.messaging, {
    action: 'Asks where the parcel is',
    emotion: -1,
    pains: ['Agents cannot see the carrier data'],
    opportunities: ['Give agents the carrier timeline'],
    owner: 'Customer service',
    volume: 35000,
    kpiIds: [KPI.aht, KPI.transfer],
  }),
  touch(S.delivery, C.phone, {
    action: 'Calls because the parcel is late',
    emotion: -2,
    pains: ['Twenty minutes on hold', 'Transferred to the carrier'],
    opportunities: ['Warn about delays by message before the customer asks'],
    owner: 'Contact centre',
    volume: 18000,
    kpiIds: [KPI.transfer],
  }),
  touch(S.use, C.app, {
    action: 'Reads care instructions and styling tips',
    emotion: 1,
    opportunities: ['Short video guides'],
    owner: 'Digital product',
    volume: 30000,
  }),
  touch(S.use, C.social, {
    action: 'Posts a photo wearing the product',
    emotion: 2,
    opportunities: ['Re-share customer photos with permission'],
    owner: 'Marketing',
    volume: 12000,
  }),
  touch(S.returns, C.web, {
    action: 'Starts a return online',
    emotion: -1,
    pains: ['The return label must be printed'],
    opportunities: ['QR-code returns at pick-up points'],
    owner: 'E-commerce',
    volume: 25000,
  }),
  touch(S.returns, C.store, {
    action: 'Returns the item in a shop',
    emotion: 0,
    pains: ['The refund takes two weeks'],
    opportunities: ['Instant refund in the shop'],
    owner: 'Retail',
    volume: 9000,
  }),
  touch(S.returns, C.phone, {
    action: 'Calls because the refund has not arrived',
    emotion: -2,
    pains: ['No refund status anywhere'],
    opportunities: ['Refund status in the customer account'],
    owner: 'Contact centre',
    volume: 11000,
    kpiIds: [KPI.aht],
  }),
  touch(S.loyalty, C.email, {
    action: 'Gets loyalty points and a personal offer',
    emotion: 1,
    pains: ['Points expire without warning'],
    opportunities: ['Remind before points expire'],
    owner: 'CRM',
    volume: 80000,
  }),
  touch(S.loyalty, C.app, {
    action: 'Shows the loyalty card in the app at the till',
    emotion: 1,
    owner: 'Digital product',
    volume: 40000,
  }),
];

/** Which device each channel is used on: no emotion, it is a usage, not a moment. */
const usage = [
  touch(C.web, D.pc, { action: 'Shops on a computer', owner: 'E-commerce', volume: 380000 }),
  touch(C.web, D.smartphone, {
    action: 'Shops on the mobile site',
    owner: 'E-commerce',
    volume: 520000,
  }),
  touch(C.web, D.tablet, {
    action: 'Browses the catalogue on a tablet',
    owner: 'E-commerce',
    volume: 60000,
  }),
  touch(C.app, D.smartphone, {
    action: 'Uses the shopping app',
    owner: 'Digital product',
    volume: 115000,
  }),
  touch(C.email, D.smartphone, {
    action: 'Reads e-mails on the phone',
    owner: 'CRM',
    volume: 270000,
  }),
  touch(C.email, D.pc, { action: 'Reads e-mails at work', owner: 'CRM', volume: 90000 }),
  touch(C.social, D.smartphone, { action: 'Uses social apps', owner: 'Marketing', volume: 212000 }),
  touch(C.messaging, D.smartphone, {
    action: 'Writes on WhatsApp',
    owner: 'Customer service',
    volume: 35000,
  }),
  touch(C.chat, D.pc, {
    action: 'Chats from the product page',
    owner: 'Customer service',
    volume: 22000,
  }),
  touch(C.phone, D.smartphone, {
    action: 'Calls from the mobile phone',
    owner: 'Contact centre',
    volume: 29000,
  }),
  touch(C.store, D.kiosk, {
    action: 'Checks stock on the in-store kiosk',
    owner: 'Retail',
    volume: 14000,
  }),
];

const [FRONT, BACK, SUPPORT] = BLUEPRINT;

/** A small blueprint: where "where is my order?" and "where is my refund?" come from. */
const laneItems = [
  ...laneCells(FRONT.id, {
    [S.research]: ['Shop staff help with sizes'],
    [S.delivery]: ['Agents answer "where is my order?"'],
    [S.returns]: ['Shop staff take returns at the till'],
  }),
  ...laneCells(BACK.id, {
    [S.purchase]: ['The warehouse picks orders once a day'],
    [S.delivery]: ['Agents look up the parcel on the carrier’s site'],
    [S.returns]: ['Returns are checked by hand before the refund'],
  }),
  ...laneCells(SUPPORT.id, {
    [S.research]: ['Stock system (online only)'],
    [S.purchase]: ['Payment provider', 'Order management system'],
    [S.delivery]: ['Carrier tracking feed'],
    [S.returns]: ['Returns portal'],
  }),
];

export const ECOMMERCE: MapTemplate = arranged({
  key: 'ecommerce',
  nameKey: 'templates.ecommerce',
  name: 'E-commerce',
  nodes,
  touchpoints: [...journey, ...usage],
  lanes: BLUEPRINT,
  laneItems,
  strategy: {
    self: { name: 'Our shop', digitalCompetence: 3, serviceCulture: 3 },
    competitors: [
      { id: 'comp-megashop', name: 'MegaShop', digitalCompetence: 5, serviceCulture: 3 },
    ],
    goals: [
      {
        id: 'goal-cost-per-contact',
        title: 'Lower the average cost per interaction',
        preset: 'costPerInteraction',
        target: '-15%',
        deadline: '2026-12-31',
        benefit: 'A web interaction costs about 1/12 of a phone call',
      },
      {
        id: 'goal-churn',
        title: 'Raise customer satisfaction and lower churn',
        preset: 'satisfaction',
        target: 'NPS +10',
        deadline: '2027-03-31',
        benefit: 'Customers who get their refund fast buy again',
      },
    ],
    kpis: [
      {
        id: KPI.aht,
        name: 'Average handling time',
        family: 'service',
        target: 6,
        unit: 'min',
        frequency: 'weekly',
        goalId: 'goal-cost-per-contact',
        channelIds: [C.chat, C.messaging, C.phone],
      },
      {
        id: KPI.transfer,
        name: 'Transfer rate to other departments',
        family: 'quality',
        target: 10,
        unit: '%',
        frequency: 'monthly',
        goalId: 'goal-churn',
        channelIds: [C.messaging, C.phone],
      },
      {
        id: KPI.conversion,
        name: 'Conversion',
        family: 'effectiveness',
        target: 3,
        unit: '%',
        frequency: 'weekly',
        goalId: 'goal-churn',
        channelIds: [C.web],
      },
    ],
    training: [
      {
        id: 'train-tracking-tools',
        topic: 'Order tracking and refund tools in the messaging console',
        kind: 'technical',
        audience: 'Customer service agents',
        due: '2026-05-31',
      },
    ],
    channelPlans: {
      [C.messaging]: {
        status: 'inUse',
        preferencePct: 38,
        reason: 'Customers already write to us on WhatsApp',
        relativeCost: 1 / 6,
      },
      [C.phone]: { status: 'inUse', preferencePct: 18, monthlyVolume: 29000, relativeCost: 1 },
    },
    costModel: { phoneContactCost: 5, currency: 'EUR', shiftPct: 25 },
  },
});
