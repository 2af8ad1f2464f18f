/** Apollo Server on node:http through executeHTTPGraphQLRequest, as PainGraph itself serves it. */
import type http from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";

export function apolloHandler<T extends BaseContext>(apollo: ApolloServer<T>, context: () => Promise<T>) {
  return async (_request: unknown, raw: string, incoming: http.IncomingHttpHeaders): Promise<string> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(incoming)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    headers.set("content-type", "application/json");
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: JSON.parse(raw) },
      context,
    });
    if (result.body.kind === "complete") return result.body.string;
    let text = "";
    for await (const chunk of result.body.asyncIterator) text += chunk;
    return text;
  };
}
