import type { ChatServerEvent } from "../../../shared/api/chat.ts";

type Listener = (event: ChatServerEvent) => void;

interface StaffListener {
  /** The units whose queue this staff member's page follows (re-read on each message). */
  units: () => readonly string[];
  send: Listener;
}

/**
 * Who is connected, in this process's memory only: the sockets following each conversation
 * (the young person's page and staff pages watching it) and the staff pages waiting for their
 * queue to change. One server process is what Frid runs; several would need a shared channel
 * (PostgreSQL LISTEN/NOTIFY) here, and nothing else would change.
 */
export class ChatHub {
  private readonly followers = new Map<string, Set<Listener>>();
  private readonly staff = new Set<StaffListener>();

  follow(conversationId: string, listener: Listener): () => void {
    let set = this.followers.get(conversationId);
    if (!set) {
      set = new Set();
      this.followers.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.followers.delete(conversationId);
    };
  }

  publish(conversationId: string, event: ChatServerEvent): void {
    for (const listener of this.followers.get(conversationId) ?? []) listener(event);
  }

  addStaff(listener: StaffListener): () => void {
    this.staff.add(listener);
    return () => this.staff.delete(listener);
  }

  /** Tells the staff of these units that their queue changed (they read it again). */
  queueChanged(unitIds: readonly (string | null)[]): void {
    for (const listener of this.staff) {
      if (listener.units().some((u) => unitIds.includes(u))) listener.send({ type: "queue" });
    }
  }
}
