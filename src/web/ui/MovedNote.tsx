/**
 * The reason a statutory last day moved (lag 1930:173), under the date it explains; nothing
 * when it did not move. Text from deadline-model.ts's movedLastDayText.
 */
export function MovedNote({ text }: { text: string | null }) {
  if (!text) return null;
  return <span className="deadline-moved">{text}</span>;
}
