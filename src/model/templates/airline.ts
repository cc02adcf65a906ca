/**
 * The airline template, the seed articles' own example: seven stages from inspiration to after
 * the flight, the channels and devices a traveller uses, and touchpoints whose emotions make
 * the classic curve (high while dreaming of the trip, a dip at check-in and the airport).
 * Volumes are contacts per month for a mid-size carrier; owners are company teams. Two
 * personas, a business traveller and a family on holiday, feel check-in in the app differently.
 */
import {
  arranged,
  BLUEPRINT,
  channel,
  device,
  lane,
  laneCells,
  type MapTemplate,
  note,
  stage,
  touch,
} from './build';
import type { Persona } from '../types';

const S = {
  inspiration: 'stage-inspiration',
  search: 'stage-search',
  booking: 'stage-booking',
  checkin: 'stage-checkin',
  airport: 'stage-airport',
  flight: 'stage-flight',
  after: 'stage-after',
} as const;
const C = {
  web: 'ch-web',
  app: 'ch-app',
  phone: 'ch-phone',
  email: 'ch-email',
  chat: 'ch-chat',
  social: 'ch-social',
  desk: 'ch-desk',
} as const;
const D = { smartphone: 'dev-smartphone', tablet: 'dev-tablet', pc: 'dev-pc' } as const;
const KPI = {
  abandon: 'kpi-abandonment',
  speed: 'kpi-social-response',
  fcr: 'kpi-first-contact',
} as const;

/** The personas of the story (their colours: records/persona.ts PERSONA_COLORS). */
const P = { business: 'persona-business', family: 'persona-family' } as const;

const personas: Persona[] = [
  {
    id: P.business,
    name: 'Marco Ferri',
    role: 'Business traveller',
    quote: 'I just want to board without queuing.',
    goals: ['Travel on time with no surprises', 'Change plans from the phone'],
    needs: ['Mobile check-in and boarding pass', 'Fast answers when a flight changes'],
    frustrations: ['Queues at the desk', 'Apps that log me out'],
    color: '#1d4ed8',
    order: 1,
  },
  {
    id: P.family,
    name: 'The Bianchi family',
    role: 'Family on holiday',
    quote: 'With two children, every step takes twice as long.',
    goals: ['Sit together on the plane', 'Start the holiday relaxed'],
    needs: ['Clear baggage rules', 'Help at the airport'],
    frustrations: ['Seats split up at check-in', 'Hidden fees for bags'],
    color: '#7e22ce',
    order: 2,
  },
];

const nodes = [
  stage('inspiration', 'Inspiration', 1),
  stage('search', 'Search', 2),
  stage('booking', 'Booking', 3),
  stage('checkin', 'Check-in', 4),
  stage('airport', 'Airport', 5),
  stage('flight', 'Flight', 6),
  stage('after', 'After the flight', 7),
  channel('web', 'Website', 'web'),
  channel('app', 'Mobile app', 'app'),
  channel('phone', 'Call centre', 'phone'),
  channel('email', 'E-mail', 'email'),
  channel('chat', 'Web chat', 'chat'),
  channel('social', 'Social networks', 'social'),
  channel('desk', 'Airport desk', 'store'),
  device('smartphone', 'Smartphone', 'smartphone'),
  device('tablet', 'Tablet', 'tablet'),
  device('pc', 'PC', 'pc'),
  note(
    'expectations',
    '42% of customers expect a reply on social media within 1 hour',
    'Convince & Convert. A social interaction costs about 1/6 of a phone call (B2Bnewsnetwork).',
  ),
];

const journey = [
  touch(S.inspiration, C.social, {
    action: "Sees friends' holiday photos and a fare promotion",
    emotion: 2,
    pains: ['The promoted fare is sold out when clicked'],
    opportunities: ['Show live fares in social ads'],
    owner: 'Marketing',
    volume: 120000,
  }),
  touch(S.inspiration, C.web, {
    action: 'Browses destination guides and deals',
    emotion: 2,
    pains: ['Destination pages show no prices'],
    opportunities: ['A fare calendar on every destination page'],
    owner: 'E-commerce',
    volume: 250000,
  }),
  touch(S.inspiration, C.email, {
    action: 'Opens the newsletter with seasonal offers',
    emotion: 1,
    pains: ['Offers ignore the home airport'],
    opportunities: ['Personalise offers by home airport and past trips'],
    owner: 'CRM',
    volume: 80000,
  }),
  touch(S.search, C.web, {
    action: 'Compares dates and fares',
    emotion: 1,
    pains: ['The fare calendar is slow', 'Baggage fees appear only at the end'],
    opportunities: ['Show the total price with bags from the first page'],
    owner: 'E-commerce',
    volume: 400000,
  }),
  touch(S.search, C.app, {
    action: 'Searches flights on the go',
    emotion: 1,
    pains: ['Filters reset after every search'],
    opportunities: ['Remember recent searches'],
    owner: 'Digital product',
    volume: 180000,
  }),
  touch(S.booking, C.web, {
    action: 'Books and pays for the flight',
    emotion: 0,
    pains: [
      'Card payment times out during 3-D Secure',
      'Seat selection costs extra without warning',
    ],
    opportunities: ['Save cards securely', 'Say clearly what each fare includes'],
    owner: 'E-commerce',
    volume: 60000,
  }),
  touch(S.booking, C.app, {
    action: 'Books with a saved profile',
    emotion: 1,
    pains: ['Cannot book for more than four people'],
    opportunities: ['Group booking in the app'],
    owner: 'Digital product',
    volume: 25000,
  }),
  touch(S.booking, C.phone, {
    action: 'Calls to book a multi-city trip',
    emotion: -1,
    pains: ['Waits more than 15 minutes', 'Pays a phone booking fee'],
    opportunities: ['Multi-city booking online', 'Offer a call-back instead of the queue'],
    owner: 'Contact centre',
    volume: 9000,
    kpiIds: [KPI.abandon],
  }),
  touch(S.booking, C.chat, {
    action: 'Asks about the baggage allowance before paying',
    emotion: 0,
    pains: ['The chatbot does not understand fare names'],
    opportunities: ['Hand over to an agent with the booking in view'],
    owner: 'Customer service',
    volume: 14000,
    kpiIds: [KPI.fcr],
  }),
  touch(S.checkin, C.app, {
    action: 'Checks in and gets the boarding pass',
    emotion: -1,
    // Marco checks in in a minute; the family's seats come out split up.
    byPersona: { [P.business]: 1, [P.family]: -2 },
    pains: ['Check-in opens only 24 hours before', 'The passport scan fails'],
    opportunities: ['Automatic check-in', 'Type the passport in by hand when the scan fails'],
    owner: 'Digital product',
    volume: 150000,
  }),
  touch(S.checkin, C.email, {
    action: 'Receives the check-in reminder',
    emotion: 0,
    pains: ['The reminder arrives hours after check-in opened'],
    opportunities: ['Send the reminder when check-in opens'],
    owner: 'CRM',
    volume: 200000,
  }),
  touch(S.checkin, C.web, {
    action: 'Tries to check in on the website',
    emotion: -2,
    pains: [
      'Check-in fails for connecting flights',
      'The boarding pass PDF is hard to read on a phone',
    ],
    opportunities: ['Fix check-in for connections', 'Boarding passes in the phone wallet'],
    owner: 'E-commerce',
    volume: 70000,
  }),
  touch(S.airport, C.desk, {
    action: 'Drops the bag and asks about the delay',
    emotion: -2,
    pains: ['Long queues at bag drop', 'Desk staff have no news about the delay'],
    opportunities: ['Self-service bag drop', 'Push delay updates to desk staff'],
    owner: 'Airport operations',
    volume: 90000,
  }),
  touch(S.airport, C.app, {
    action: 'Follows gate and delay notifications',
    emotion: -1,
    pains: ['Gate changes arrive late'],
    opportunities: ['Real-time gate notifications'],
    owner: 'Digital product',
    volume: 160000,
  }),
  touch(S.airport, C.social, {
    action: 'Complains publicly about the delay',
    emotion: -2,
    pains: ['No answer for hours'],
    opportunities: ['A social care team that answers within the hour'],
    owner: 'Customer service',
    volume: 6000,
    kpiIds: [KPI.speed],
  }),
  touch(S.airport, C.phone, {
    action: 'Calls to rebook a cancelled flight',
    emotion: -2,
    pains: [
      'Waits an hour on hold while the gate empties',
      'The agent cannot see the options the app offers',
    ],
    opportunities: ['Rebook in chat with the options already on screen'],
    owner: 'Contact centre',
    volume: 4000,
    kpiIds: [KPI.abandon],
  }),
  touch(S.flight, C.app, {
    action: 'Watches entertainment and orders food on board',
    emotion: 1,
    pains: ['Wi-Fi passes cannot be bought offline'],
    opportunities: ['Pre-order meals in the app'],
    owner: 'Digital product',
    volume: 50000,
  }),
  touch(S.flight, C.social, {
    action: 'Posts a photo from the window seat',
    emotion: 1,
    opportunities: ['Share the best photos on the company page'],
    owner: 'Marketing',
    volume: 8000,
  }),
  touch(S.after, C.email, {
    action: 'Receives the satisfaction survey',
    emotion: 0,
    pains: ['The survey is too long'],
    opportunities: ['One question in the app instead'],
    owner: 'CRM',
    volume: 100000,
  }),
  touch(S.after, C.phone, {
    action: 'Calls about lost luggage',
    emotion: -2,
    pains: ['Tells the story again to every agent'],
    opportunities: ['Track the baggage claim online'],
    owner: 'Contact centre',
    volume: 7000,
    kpiIds: [KPI.abandon, KPI.fcr],
  }),
  touch(S.after, C.chat, {
    action: 'Asks for compensation for the delay',
    emotion: -1,
    pains: ['The claim form asks for data the airline already has'],
    opportunities: ['Pre-filled compensation claims'],
    owner: 'Customer service',
    volume: 12000,
    kpiIds: [KPI.fcr],
  }),
  touch(S.after, C.social, {
    action: 'Shares the trip and tags the airline',
    emotion: 1,
    opportunities: ['Thank loyal customers publicly'],
    owner: 'Marketing',
    volume: 15000,
    kpiIds: [KPI.speed],
  }),
];

/** Which device each channel is used on: no emotion, it is a usage, not a moment. */
const usage = [
  touch(C.web, D.pc, {
    action: 'Uses the website on a computer',
    owner: 'E-commerce',
    volume: 420000,
  }),
  touch(C.web, D.smartphone, {
    action: 'Uses the mobile website',
    owner: 'E-commerce',
    volume: 310000,
  }),
  touch(C.web, D.tablet, {
    action: 'Browses deals on the sofa',
    owner: 'E-commerce',
    volume: 50000,
  }),
  touch(C.app, D.smartphone, { action: 'Uses the app', owner: 'Digital product', volume: 560000 }),
  touch(C.app, D.tablet, {
    action: 'Uses the tablet app on board',
    owner: 'Digital product',
    volume: 30000,
  }),
  touch(C.email, D.smartphone, {
    action: 'Reads e-mails on the phone',
    owner: 'CRM',
    volume: 280000,
  }),
  touch(C.email, D.pc, { action: 'Reads e-mails at work', owner: 'CRM', volume: 100000 }),
  touch(C.chat, D.pc, {
    action: 'Chats from the booking page',
    owner: 'Customer service',
    volume: 16000,
  }),
  touch(C.chat, D.smartphone, {
    action: 'Chats from the phone',
    owner: 'Customer service',
    volume: 10000,
  }),
  touch(C.social, D.smartphone, { action: 'Uses social apps', owner: 'Marketing', volume: 149000 }),
  touch(C.phone, D.smartphone, {
    action: 'Calls from the mobile phone',
    owner: 'Contact centre',
    volume: 20000,
  }),
];

/** The Text lane of travellers' own words, right under the emotion curve. */
const THOUGHTS = lane('thoughts', 'text', 'Customer thoughts', 45);
const [FRONT, BACK, SUPPORT] = BLUEPRINT;

/**
 * The service blueprint behind the journey: a call centre that still carries what the digital
 * channels cannot do, agents who see no booking history, systems that do not talk to each
 * other. Frontstage is what the traveller sees people and systems do, backstage what happens
 * out of sight, support the systems and tools both rely on.
 */
const laneItems = [
  ...laneCells(FRONT.id, {
    [S.inspiration]: ['Social team posts fare promotions'],
    [S.search]: ['Website shows fares in a calendar'],
    [S.booking]: ['Call centre agents book multi-city trips', 'Chatbot answers baggage questions'],
    [S.checkin]: ['App issues the boarding pass'],
    [S.airport]: [
      'Desk staff drop bags and answer delay questions',
      'Social care replies to complaints',
    ],
    [S.flight]: ['Cabin crew serve meals and sell Wi-Fi'],
    [S.after]: ['Agents take lost-luggage calls', 'Chat agents handle compensation claims'],
  }),
  ...laneCells(BACK.id, {
    [S.inspiration]: ['Marketing sets up campaigns without live availability'],
    [S.search]: ['Revenue management updates fares twice a day'],
    [S.booking]: [
      'Agents answer calls with no booking history',
      'Agents re-key web bookings that failed at payment',
    ],
    [S.checkin]: ['Passport data is checked against the passenger list'],
    [S.airport]: ['Operations control decides on delays without telling the desks'],
    [S.flight]: ['Catering loads meals by the booked counts'],
    [S.after]: ['Claims are handled in a separate tool without the booking'],
  }),
  ...laneCells(SUPPORT.id, {
    [S.inspiration]: ['Social listening tool', 'Campaign manager'],
    [S.search]: ['Booking engine'],
    [S.booking]: ['Booking engine', 'CRM', 'Payment gateway'],
    [S.checkin]: ['Departure control system'],
    [S.airport]: ['Flight status feed', 'Social listening tool'],
    [S.flight]: ['On-board sales system'],
    [S.after]: ['CRM', 'Baggage tracing system'],
  }),
  ...laneCells(THOUGHTS.id, {
    [S.inspiration]: ['“Lisbon in spring, why not?”'],
    [S.booking]: ['“Why do I have to call to book two cities?”'],
    [S.checkin]: ['“The scan failed again, I’ll do it at the airport.”'],
    [S.airport]: ['“Nobody here knows anything about the delay.”'],
    [S.after]: ['“I have told this story three times already.”'],
  }),
];

export const AIRLINE: MapTemplate = arranged({
  key: 'airline',
  nameKey: 'templates.airline',
  name: 'Airline',
  nodes,
  touchpoints: [...journey, ...usage],
  lanes: [...BLUEPRINT, THOUGHTS],
  laneItems,
  personas,
  strategy: {
    self: { name: 'Our airline', digitalCompetence: 3, serviceCulture: 4 },
    competitors: [{ id: 'comp-skyjet', name: 'SkyJet', digitalCompetence: 4, serviceCulture: 2 }],
    goals: [
      {
        id: 'goal-call-volume',
        title: 'Reduce call volume to the call centre',
        preset: 'callVolume',
        target: '-20%',
        deadline: '2026-12-31',
        benefit: 'Fewer phone contacts at 6× the cost of a social one',
      },
      {
        id: 'goal-answer-faster',
        title: 'Answer faster on social networks',
        preset: 'responseSpeed',
        target: '< 1 hour',
        deadline: '2026-09-30',
        benefit: 'Travellers well served on social media recommend us 3× more',
      },
    ],
    kpis: [
      {
        id: KPI.abandon,
        name: 'Abandonment rate',
        family: 'service',
        target: 5,
        unit: '%',
        frequency: 'weekly',
        goalId: 'goal-call-volume',
        channelIds: [C.phone, C.chat],
      },
      {
        id: KPI.speed,
        name: 'Social response time',
        family: 'quality',
        target: 60,
        unit: 'min',
        frequency: 'daily',
        goalId: 'goal-answer-faster',
        channelIds: [C.social],
      },
      {
        id: KPI.fcr,
        name: 'First-contact resolution',
        family: 'effectiveness',
        target: 75,
        unit: '%',
        frequency: 'monthly',
        goalId: 'goal-call-volume',
        channelIds: [C.chat, C.phone],
      },
    ],
    training: [
      {
        id: 'train-social-tone',
        topic: 'Tone of voice for public replies on social networks',
        kind: 'behavioural',
        audience: 'Social care team',
        due: '2026-06-30',
      },
    ],
    channelPlans: {
      [C.social]: {
        status: 'inUse',
        preferencePct: 33,
        reason: 'A third of customers prefer social media',
        relativeCost: 1 / 6,
      },
      [C.web]: { status: 'inUse', preferencePct: 45, relativeCost: 1 / 12 },
      [C.phone]: { status: 'inUse', preferencePct: 20, monthlyVolume: 20000, relativeCost: 1 },
    },
    costModel: { phoneContactCost: 6, currency: 'EUR', shiftPct: 20 },
  },
});
