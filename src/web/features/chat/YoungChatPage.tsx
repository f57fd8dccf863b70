import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type ChatMessageView,
  type ChatStatus,
  type PublicChatUnit,
  PublicChatUnits,
  StartChatResult,
} from "../../../shared/api/chat";
import { getJson, parseWith, postJson } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { useT } from "../../i18n/useT";
import { doubleEscape, hoursLines, mergeMessages, parseEvent, socketUrl } from "./chat-model";

/*
 * /chatt: a young person's chat, without an account (issue 17, item 6). Nothing is kept in
 * the browser: the conversation's token lives in this component's memory (a ref), never in
 * storage, a cookie, the address or the history; the page reads no session API. "Lämna
 * snabbt" — or Escape twice within a second — closes the socket, forgets everything and
 * replaces this page in the history with a neutral site (location.replace: Back does not
 * return here).
 */
const fallbackExit = "https://www.google.se/";

export function YoungChatPage() {
  const { t } = useT();
  const [units, setUnits] = useState<PublicChatUnit[] | null>(null);
  const [exitUrl, setExitUrl] = useState(fallbackExit);
  const [problem, setProblem] = useState<string | null>(null);
  const chat = useYoungChat(setProblem);

  useEffect(() => {
    document.title = t("chat.young.documentTitle");
    getJson("/api/chat/public/units")
      .then((body) => parseWith(PublicChatUnits, body))
      .then((answer) => {
        setUnits(answer.units);
        setExitUrl(answer.exitUrl);
      })
      .catch(() => setProblem(t("chat.young.unavailable")));
  }, [t]);

  const leave = useCallback(() => {
    chat.forget();
    setUnits(null);
    window.location.replace(exitUrl);
  }, [chat, exitUrl]);
  useQuickExitKey(leave);

  return (
    <div className="young-chat">
      <header className="young-chat__bar">
        <span className="young-chat__name">{t("chat.young.brand")}</span>
        <button type="button" className="button young-chat__exit" onClick={leave}>
          {t("chat.young.quickExit")}
        </button>
      </header>
      <main className="young-chat__main container" id="main">
        <h1 className="page-title">{t("chat.young.title")}</h1>
        <p>{t("chat.young.exitHint")}</p>
        {problem && (
          <p className="error-message" role="alert">
            {problem}
          </p>
        )}
        {chat.status ? (
          <Conversation chat={chat} />
        ) : (
          <UnitChoice units={units} onStart={chat.start} />
        )}
      </main>
    </div>
  );
}

/** Escape twice within a second leaves, from anywhere on the page. */
function useQuickExitKey(leave: () => void) {
  const isSecond = useMemo(doubleEscape, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && isSecond(event.timeStamp)) leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isSecond, leave]);
}

function UnitChoice({
  units,
  onStart,
}: {
  units: PublicChatUnit[] | null;
  onStart: (unitId: string) => void;
}) {
  const { t } = useT();
  const days = t("chat.days").split(",");
  if (!units) return <p>{t("chat.young.loading")}</p>;
  if (units.length === 0) return <p>{t("chat.young.noChat")}</p>;
  return (
    <ul className="record-list">
      {units.map((unit) => (
        <li key={unit.unitId} className="record-list__item">
          <h2>{unit.name}</h2>
          {unit.welcomeText && <p>{unit.welcomeText}</p>}
          <p>
            {t("chat.young.hours")}:{" "}
            {hoursLines(unit.hours, days).join(", ") || t("chat.young.noHours")}
            {unit.openOnDaysOff ? "" : ` ${t("chat.young.closedOnDaysOff")}`}
          </p>
          {unit.openNow ? (
            <button type="button" className="button" onClick={() => onStart(unit.unitId)}>
              {t("chat.young.start")}
            </button>
          ) : (
            <p className="young-chat__closed">{t("chat.young.closedNow")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

type YoungChat = ReturnType<typeof useYoungChat>;

/** Her conversation: the token in a ref, the socket, the messages; forget() clears all. */
function useYoungChat(setProblem: (problem: string | null) => void) {
  const { t, lang } = useT();
  const token = useRef<string | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const [status, setStatus] = useState<ChatStatus | null>(null);
  const [messages, setMessages] = useState<ChatMessageView[]>([]);

  const forget = useCallback(() => {
    const open = socket.current;
    if (open?.readyState === WebSocket.OPEN) open.send(JSON.stringify({ type: "leave" }));
    open?.close();
    socket.current = null;
    token.current = null;
    setMessages([]);
    setStatus(null);
  }, []);

  const start = useCallback(
    async (unitId: string) => {
      setProblem(null);
      try {
        const answer = parseWith(
          StartChatResult,
          await postJson("/api/chat/public/conversations", { unitId }),
        );
        token.current = answer.token;
      } catch (error) {
        setProblem(errorMessage(error, t, lang));
        return;
      }
      const ws = new WebSocket(socketUrl(window.location, "/api/chat/socket"));
      socket.current = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: "hello", token: token.current }));
      ws.onmessage = (message) => {
        const event = parseEvent(message.data);
        if (!event) return;
        if (event.type === "ready") {
          setStatus(event.status);
          setMessages(event.messages);
        } else if (event.type === "message") setMessages((m) => mergeMessages(m, [event.message]));
        else if (event.type === "status") setStatus(event.status);
        else if (event.type === "error") setProblem(event.message);
      };
      ws.onclose = () => {
        if (socket.current === ws) setStatus((s) => (s ? "closed" : s));
      };
    },
    [setProblem, t, lang],
  );

  const send = useCallback((body: string) => {
    socket.current?.send(JSON.stringify({ type: "send", body }));
  }, []);

  useEffect(() => () => socket.current?.close(), []);
  return { status, messages, start, send, forget };
}

function Conversation({ chat }: { chat: YoungChat }) {
  const { t } = useT();
  const [text, setText] = useState("");
  const statusText = {
    waiting: t("chat.young.waiting"),
    active: t("chat.young.active"),
    closed: t("chat.young.closed"),
  }[chat.status ?? "waiting"];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    chat.send(text.trim());
    setText("");
  }

  return (
    <section className="section" aria-labelledby="young-chat-conversation">
      <h2 id="young-chat-conversation">{t("chat.young.conversation")}</h2>
      <p role="status">{statusText}</p>
      <ol className="chat-messages" aria-live="polite" aria-label={t("chat.messages")}>
        {chat.messages.map((m) => (
          <li
            key={m.id}
            className={`chat-message chat-message--${m.sender === "young" ? "own" : "other"}`}
          >
            <span className="chat-message__who">
              {m.sender === "young" ? t("chat.young.you") : t("chat.young.staff")}
            </span>{" "}
            <span className="chat-message__body">{m.body}</span>
          </li>
        ))}
      </ol>
      {chat.status !== "closed" && (
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="young-chat-text">
              {t("chat.young.write")}
            </label>
            <textarea
              id="young-chat-text"
              className="field__control"
              rows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button">
            {t("chat.send")}
          </button>
        </form>
      )}
    </section>
  );
}
