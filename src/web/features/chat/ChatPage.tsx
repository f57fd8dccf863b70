import { type FormEvent, useCallback, useState } from "react";
import type { ChatMessageView, ChatServerEvent } from "../../../shared/api/chat";
import { answersChat } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { Loaded } from "../../ui/QueryError";
import { type ChatConversationView, chatConversationKey, chatQueueKey } from "./api";
import { ChatActions } from "./ChatActions";
import { ChatSettingsPanel } from "./ChatSettings";
import { mergeMessages } from "./chat-model";
import { useStaffSocket } from "./staff-socket";

/*
 * Chatt: staff answer young people's conversations in real time (issue 17, item 6). The
 * queue of their units (and conversations handed to them), one conversation at a time:
 * take, answer, record consent, hand over or make an intake, close. Managers also set the
 * unit's chat. Every read is audited by the server; the socket brings what is new.
 */
export function ChatPage() {
  const { t } = useT();
  const me = useMe();
  const [chosen, setChosen] = useState<string | null>(null);
  const [live, setLive] = useState<ChatMessageView[]>([]);
  const invalidate = useInvalidate();
  const onEvent = useCallback(
    (event: ChatServerEvent) => {
      if (event.type === "queue") void invalidate(chatQueueKey);
      if (event.type === "message") setLive((m) => [...m, event.message]);
      if (event.type === "status")
        void invalidate(chatQueueKey, chatConversationKey(event.conversationId));
    },
    [invalidate],
  );
  const socket = useStaffSocket(onEvent);
  const open = (id: string) => {
    setLive([]);
    setChosen(id);
    socket.send({ type: "watch", conversationId: id });
  };
  return (
    <Page title={t("chat.title")}>
      <ChatSettingsPanel />
      {answersChat(me.roles) ? (
        <>
          <Queue chosen={chosen} onOpen={open} />
          {chosen && (
            <Conversation
              id={chosen}
              live={live}
              onSend={(body) => socket.send({ type: "send", conversationId: chosen, body })}
            />
          )}
        </>
      ) : (
        <p>{t("chat.noChat")}</p>
      )}
    </Page>
  );
}

function Queue({ chosen, onOpen }: { chosen: string | null; onOpen: (id: string) => void }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(chatQueueKey, (signal) => api.chatQueue(signal));
  const statusText = {
    waiting: t("chat.waiting"),
    active: t("chat.active"),
    closed: t("chat.closed"),
  };
  return (
    <section className="section" aria-labelledby="chat-queue">
      <h2 id="chat-queue">{t("chat.queue")}</h2>
      <Loaded state={query.state}>
        {(queue) =>
          queue.conversations.length === 0 ? (
            <p>{t("chat.queueEmpty")}</p>
          ) : (
            <ul className="record-list">
              {queue.conversations.map((c) => (
                <li key={c.id} className="record-list__item">
                  <p>
                    <strong>{statusText[c.status]}</strong> · {c.unitName} ·{" "}
                    {t("chat.startedAt", { time: formatDateTime(c.startedAt, lang) })}
                    {c.takenByName ? ` · ${t("chat.takenBy", { name: c.takenByName })}` : ""}
                    {c.handedToUnitName
                      ? ` · ${t("chat.handedTo", { unit: c.handedToUnitName })}`
                      : ""}
                  </p>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-pressed={chosen === c.id}
                    onClick={() => onOpen(c.id)}
                  >
                    {t("chat.open")}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function Conversation({
  id,
  live,
  onSend,
}: {
  id: string;
  live: ChatMessageView[];
  onSend: (body: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(chatConversationKey(id), (signal) => api.chatConversation(id, signal));
  return (
    <section className="section" aria-labelledby="chat-conversation">
      <h2 id="chat-conversation">{t("chat.conversation")}</h2>
      <Loaded state={query.state}>
        {(c) => <ConversationBody conversation={c} live={live} onSend={onSend} />}
      </Loaded>
    </section>
  );
}

function ConversationBody({
  conversation: c,
  live,
  onSend,
}: {
  conversation: ChatConversationView;
  live: ChatMessageView[];
  onSend: (body: string) => void;
}) {
  const { t, lang } = useT();
  const messages = mergeMessages(c.messages, live);
  return (
    <>
      <ol className="chat-messages" aria-live="polite" aria-label={t("chat.messages")}>
        {messages.map((m) => (
          <li
            key={m.id}
            className={`chat-message chat-message--${m.sender === "staff" ? "own" : "other"}`}
          >
            <span className="chat-message__who">
              {m.sender === "young" ? t("chat.youngPerson") : m.authorName} ·{" "}
              {formatDateTime(m.sentAt, lang)}
            </span>{" "}
            <span className="chat-message__body">{m.body}</span>
          </li>
        ))}
      </ol>
      {c.status !== "closed" && c.takenByMe && <AnswerForm onSend={onSend} />}
      <ChatActions conversation={c} messages={messages} />
    </>
  );
}

function AnswerForm({ onSend }: { onSend: (body: string) => void }) {
  const { t } = useT();
  const [text, setText] = useState("");
  const submit = useSubmit(["body"]);
  function handle(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return submit.reject({ body: t("chat.errorEmpty") });
    onSend(text.trim());
    setText("");
  }
  return (
    <form className="form" onSubmit={handle} noValidate>
      <ErrorSummary errors={submit.errors} />
      <div className="field">
        <label className="field__label" htmlFor="chat-answer">
          {t("chat.answer")}
        </label>
        <textarea
          id="chat-answer"
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
  );
}
