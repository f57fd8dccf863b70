import { useCallback, useEffect, useState } from "react";

/**
 * Moves focus to an element by id once React has drawn it (after the current update), e.g.
 * to a panel's heading when the button pressed is gone, or to a record just added.
 */
export function useFocusLater() {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return useCallback((id: string) => setTarget({ id }), []);
}
