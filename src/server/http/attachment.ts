import type { FastifyReply } from "fastify";

/**
 * Sends a file for the browser to save (PDFs printed for a person, uploaded documents). The
 * name is made safe for the header: nothing but letters, digits, dots, dashes and spaces.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { content: Buffer; mediaType: string; filename: string },
) {
  const name = file.filename.replace(/[^\w.\- ]/g, "_");
  return reply
    .type(file.mediaType)
    .header("content-disposition", `attachment; filename="${name}"`)
    .send(file.content);
}
