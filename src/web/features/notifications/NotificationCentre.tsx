import { type KeyboardEvent, useId, useRef, useState } from "react";
import { Link } from "react-router";
import type { Notification, Notifications } from "../../../shared/api/notifications";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import {
  buttonLabel,
  categoryLabels,
  notificationHref,
  notificationText,
} from "./notification-model";

const key = ["notifications"];

/**
 * The notification centre in the header: a button that names how many are unread, and a
 * panel (a disclosure: the button says whether it is open; Escape closes it and gives focus
 * back to the button) listing each notification as a link to its case. Following one marks
 * it read. Read when the header first shows, and again each time the panel opens (every read
 * is audited, so there is no polling).
 */
export function NotificationCentre() {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(key, (signal) => api.notifications(signal));
  const [status, setStatus] = useState<string | null>(null);
  const { open, setOpen, toggle, close, onKeyDown, button } = useDisclosure(() => {
    setStatus(null);
    query.reload();
  });
  const panelId = useId();
  const data = query.state.status === "ready" ? query.state.data : null;
  const unread = data?.unread ?? 0;
  const put = (answer: Promise<Notifications>) =>
    answer.then(query.setData).catch(() => query.reload());

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the centre closes it
    <div className="notifications" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button button--secondary notifications__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel(unread, t)}
        onClick={toggle}
      >
        {/* The name starts with what the button shows: "Notiser 2" → "Notiser 2 olästa". */}
        {t("notifications.button")}{" "}
        {unread > 0 && (
          <span className="notifications__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <NotificationPanel
        id={panelId}
        open={open}
        data={data}
        failed={query.state.status === "error"}
        status={status}
        onMarkAll={() =>
          put(api.markAllNotificationsRead()).then(() => {
            setStatus(t("notifications.allRead"));
            // The button is gone with the last unread: focus stays in the panel, at its heading.
            document.getElementById(`${panelId}-title`)?.focus();
          })
        }
        onFollow={(n) => {
          setOpen(false);
          if (!n.read) void put(api.markNotificationRead(n.id));
        }}
        onClose={close}
      />
    </div>
  );
}

/** Open or closed; Escape closes and gives focus back to the button. */
function useDisclosure(onOpen: () => void) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  function close() {
    setOpen(false);
    button.current?.focus();
  }
  return {
    open,
    setOpen,
    button,
    close,
    toggle() {
      if (!open) onOpen();
      setOpen(!open);
    },
    onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape" && open) {
        event.stopPropagation();
        close();
      }
    },
  };
}

/** The panel: its heading, "Markera alla som lästa", the notifications, and a close button. */
function NotificationPanel({
  id,
  open,
  data,
  failed,
  status,
  onMarkAll,
  onFollow,
  onClose,
}: {
  id: string;
  open: boolean;
  data: Notifications | null;
  failed: boolean;
  status: string | null;
  onMarkAll: () => void;
  onFollow: (n: Notification) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <section
      id={id}
      className="notifications__panel"
      aria-labelledby={`${id}-title`}
      hidden={!open}
    >
      <h2 id={`${id}-title`} className="notifications__title" tabIndex={-1}>
        {t("notifications.title")}
      </h2>
      <StatusMessage message={status} />
      {failed && <p className="alert">{t("notifications.loadError")}</p>}
      {data && data.items.length === 0 && <p>{t("notifications.empty")}</p>}
      {data && data.unread > 0 && (
        <button type="button" className="button button--secondary" onClick={onMarkAll}>
          {t("notifications.markAll")}
        </button>
      )}
      {data && data.items.length > 0 && (
        <ul className="notifications__list">
          {data.items.map((n) => (
            <NotificationItem key={n.id} notification={n} onFollow={() => onFollow(n)} />
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t("notifications.close")}
      </button>
    </section>
  );
}

function NotificationItem({
  notification: n,
  onFollow,
}: {
  notification: Notification;
  onFollow: () => void;
}) {
  const { t, lang } = useT();
  return (
    <li
      className={n.read ? "notifications__item" : "notifications__item notifications__item--unread"}
    >
      <span className={`notifications__category notifications__category--${n.category}`}>
        {t(categoryLabels[n.category])}
        {!n.read && <span className="visually-hidden">, {t("notifications.unread")}</span>}
      </span>{" "}
      <Link to={notificationHref(n)} onClick={onFollow}>
        {notificationText(n, t, lang)}
      </Link>
    </li>
  );
}
