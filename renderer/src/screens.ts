export const screenIds = ['compose', 'review', 'history', 'catalog', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];

export interface ScreenDefinition {
  readonly id: ScreenId;
  readonly label: string;
  /** The digit that, with Ctrl (⌘ on macOS), opens the screen. */
  readonly shortcutDigit: string;
  readonly summary: string;
}

export const screens: readonly ScreenDefinition[] = [
  {
    id: 'compose',
    label: 'Compose',
    shortcutDigit: '1',
    summary:
      'Paste or import your recipients here, and GiftBatch checks every row against the catalog before anything is sent.',
  },
  {
    id: 'review',
    label: 'Review & Send',
    shortcutDigit: '2',
    summary: 'What your batch will cost, product by product, against the balance you can spend.',
  },
  {
    id: 'history',
    label: 'History',
    shortcutDigit: '3',
    summary:
      'Every batch and every reward you send is kept here: follow a batch as it sends, resume it, or look back at who got what.',
  },
  {
    id: 'catalog',
    label: 'Catalog',
    shortcutDigit: '4',
    summary: 'Every gift card your provider offers, with its values, delivery types, fees and terms.',
  },
  {
    id: 'settings',
    label: 'Settings',
    shortcutDigit: '5',
    summary:
      'Choose where rewards are sent from — the built-in sandbox, staging or production — and with which credentials.',
  },
];

export const screenById = (id: ScreenId): ScreenDefinition => {
  const screen = screens.find((candidate) => candidate.id === id);
  if (screen === undefined) throw new Error(`Unknown screen ${id}`);
  return screen;
};
