/** What a key does: one name a command, the same for the key handler (src/scripts/shortcuts.ts) and the help overlay. */
export type ShortcutCommand = 'next' | 'previous' | 'open' | 'star' | 'read' | 'search' | 'help';

/** The keyboard shortcuts, in the order the help overlay lists them: each key, and what it does in words. */
export const SHORTCUTS: readonly { command: ShortcutCommand; keys: readonly string[]; label: string }[] = [
  { command: 'next', keys: ['j'], label: 'Next paper in the list' },
  { command: 'previous', keys: ['k'], label: 'Previous paper in the list' },
  { command: 'open', keys: ['o', 'Enter'], label: 'Open the paper' },
  { command: 'star', keys: ['s'], label: 'Star the paper, or take its star away' },
  { command: 'read', keys: ['x'], label: 'Mark the paper read, or unread' },
  { command: 'search', keys: ['/'], label: 'Search' },
  { command: 'help', keys: ['?'], label: 'Show these keys' },
];

/** The command a key stands for, if any (Enter opens only a paper that has the focus; the handler checks that). */
export function commandOfKey(key: string): ShortcutCommand | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(key))?.command;
}
