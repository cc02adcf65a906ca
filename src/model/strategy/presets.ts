/**
 * The seeds' lists and figures (DOMAIN.md), as presets the panel offers. Names are i18n keys
 * (`strategy:goalPreset.<key>`); the English text is kept here too so the server and the JSON
 * export have a readable default. Figures carry their source, shown beside them.
 */
import type { ChannelType, KpiFamily } from '../types';

export interface GoalPreset {
  readonly key: string;
  readonly title: string;
  /** A typical measurable target, to edit. */
  readonly target: string;
  readonly benefit: string;
}

/** Step 2: goals with a direct business impact, in the seeds' order. */
export const GOAL_PRESETS: readonly GoalPreset[] = [
  {
    key: 'callVolume',
    title: 'Reduce call volume to the call centre',
    target: '-20%',
    benefit: 'Lower cost: conversations move to cheaper digital channels',
  },
  {
    key: 'costPerInteraction',
    title: 'Lower the average cost per interaction',
    target: '-15%',
    benefit: 'Lower cost per contact',
  },
  {
    key: 'agentProductivity',
    title: 'Raise agent productivity',
    target: '+10% contacts per agent hour',
    benefit: 'Operational efficiency',
  },
  {
    key: 'satisfaction',
    title: 'Raise customer satisfaction and lower churn',
    target: '+10 NPS',
    benefit: 'Customers well served on social media are 3× more likely to recommend the company',
  },
  {
    key: 'responseSpeed',
    title: 'Answer faster',
    target: 'First answer within 60 min',
    benefit: 'Meets what 42% of customers expect (an answer within 1 hour)',
  },
];

export interface KpiPreset {
  readonly key: string;
  readonly name: string;
  readonly family: KpiFamily;
  readonly unit: string;
  readonly target?: number;
  readonly frequency: string;
  /** Where a default target comes from, when it comes from the seeds. */
  readonly source?: string;
}

/** Step 4: the three linked families of metrics. */
export const KPI_PRESETS: readonly KpiPreset[] = [
  {
    key: 'inboundOutbound',
    name: 'Inbound vs outbound conversations',
    family: 'service',
    unit: '% inbound',
    frequency: 'weekly',
  },
  {
    key: 'handlingTime',
    name: 'Average handling time',
    family: 'service',
    unit: 'min',
    frequency: 'weekly',
  },
  {
    key: 'abandonment',
    name: 'Abandonment rate',
    family: 'service',
    unit: '%',
    frequency: 'daily',
  },
  {
    key: 'responseSpeed',
    name: 'Response speed',
    family: 'quality',
    unit: 'min',
    target: 60,
    frequency: 'daily',
    source: 'Convince & Convert: 42% of customers expect an answer within 1 hour',
  },
  {
    key: 'responseQuality',
    name: 'Response quality',
    family: 'quality',
    unit: 'score 1-5',
    frequency: 'monthly',
  },
  {
    key: 'transferRate',
    name: 'Transfer rate to other departments',
    family: 'quality',
    unit: '%',
    frequency: 'monthly',
  },
  {
    key: 'reach',
    name: 'Reach of communications',
    family: 'effectiveness',
    unit: 'people',
    frequency: 'monthly',
  },
  {
    key: 'sentiment',
    name: 'Sentiment',
    family: 'effectiveness',
    unit: '% positive',
    frequency: 'weekly',
  },
  {
    key: 'conversion',
    name: 'Conversion',
    family: 'effectiveness',
    unit: '%',
    frequency: 'monthly',
  },
  {
    key: 'firstContactResolution',
    name: 'First-contact resolution',
    family: 'effectiveness',
    unit: '%',
    frequency: 'weekly',
  },
];

export interface Figure {
  readonly key: string;
  readonly text: string;
  readonly source: string;
}

/** Figures the seeds cite, with their sources (shown in the panel). */
export const FIGURES: Readonly<Record<string, Figure>> = {
  responseHour: {
    key: 'responseHour',
    text: '42% of customers expect an answer within 1 hour',
    source: 'Convince & Convert',
  },
  responseHalfHour: {
    key: 'responseHalfHour',
    text: '32% of customers expect an answer within 30 minutes',
    source: 'Convince & Convert',
  },
  socialCost: {
    key: 'socialCost',
    text: 'A social-media contact costs on average 1/6 of a phone call',
    source: 'B2Bnewsnetwork',
  },
  webCost: {
    key: 'webCost',
    text: 'A web contact costs on average 1/12 of a phone call',
    source: 'B2Bnewsnetwork',
  },
  socialPreference: {
    key: 'socialPreference',
    text: '33% of consumers prefer to contact a company on social media',
    source: 'Nielsen',
  },
};

/** Default first-answer target, minutes: the 1-hour expectation of 42% of customers. */
export const DEFAULT_RESPONSE_TARGET_MINUTES = 60;
/** The stricter expectation of 32% of customers, minutes. */
export const STRICT_RESPONSE_TARGET_MINUTES = 30;

/**
 * Cost of one contact relative to a phone call, by channel type. Social (1/6) and web (1/12)
 * are the seeds' figures; the rest are assumptions by analogy, each editable per channel:
 * chat and messaging are written conversations like social, app self-service is like web,
 * e-mail is a written answer like social; a store visit is not cheaper than a call.
 */
export const DEFAULT_RELATIVE_COST: Readonly<Record<ChannelType, number>> = {
  phone: 1,
  social: 1 / 6,
  chat: 1 / 6,
  messaging: 1 / 6,
  email: 1 / 6,
  web: 1 / 12,
  app: 1 / 12,
  store: 1,
  other: 1,
};

/** Types whose relative cost comes from the seeds rather than from an analogy. */
export const SEEDED_COST_TYPES: readonly ChannelType[] = ['phone', 'social', 'web'];

/** Channels the cost model moves phone volume to (written or self-service contacts). */
export const DIGITAL_CHANNEL_TYPES: readonly ChannelType[] = [
  'social',
  'chat',
  'messaging',
  'email',
  'web',
  'app',
];

/** Default cost of one phone contact: a placeholder to replace with the company's own figure. */
export const DEFAULT_PHONE_CONTACT_COST = 5;
export const DEFAULT_CURRENCY = 'EUR';

/** Below this share of customer preference (%), a planned channel gets the "few use it" warning. */
export const LOW_PREFERENCE_PCT = 10;
