/**
 * Patient factors are health data. A request that carries them (recommendTreatments' input.patient, inline or as a
 * variable) is accepted only in a POST body, never read from or stored in the response cache (in-process or Redis),
 * answered `Cache-Control: private, no-store`, and logged only as "patientFactors: true".
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type TypeNode,
  type ValueNode,
  visit,
} from "graphql";
import { ErrorCode } from "../errors";
import type { WithRequestState } from "../request-info";

const PATIENT_FIELD = "patient";

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

function present(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** Whether the operation sends patient factors: a `patient:` input field with a value, or a variable holding one. */
export function carriesPatientFactors(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): boolean {
  const vars = variables ?? {};
  for (const definition of operation.variableDefinitions ?? []) {
    const value = vars[definition.variable.name.value];
    const type = namedType(definition.type);
    if (type === "PatientInput" && present(value)) return true;
    if (
      type === "RecommendTreatmentsInput" &&
      present((value as Record<string, unknown> | null)?.[PATIENT_FIELD])
    )
      return true;
  }
  let found = false;
  visit(operation, {
    ObjectField(node) {
      if (node.name.value === PATIENT_FIELD && !isNull(node.value, vars)) found = true;
    },
  });
  return found;
}

function isNull(value: ValueNode, vars: Record<string, unknown>): boolean {
  if (value.kind === Kind.NULL) return true;
  if (value.kind === Kind.VARIABLE) return !present(vars[value.name.value]);
  return false;
}

export class PatientFactorsInUrlError extends GraphQLError {
  constructor() {
    super(
      "Patient factors are health data: send them only in a POST body (as variables), never in a GET URL. Nothing " +
        "was answered, cached or logged.",
      {
        extensions: {
          code: ErrorCode.PATIENT_DATA_REQUIRES_POST,
          http: { status: 405, headers: new Map([["allow", "POST"]]) },
        },
      },
    );
  }
}

type Request = GraphQLRequestContext<WithRequestState>;

/** True once the request was found to carry patient factors: the response cache consults it before use. */
export const hasPatientFactors = (request: Request): boolean =>
  request.contextValue.state.info.patientFactors === true;

export function patientPrivacyPlugin(): ApolloServerPlugin<WithRequestState> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          if (!request.operation || !carriesPatientFactors(request.operation, request.request.variables))
            return;
          request.contextValue.state.info.patientFactors = true;
          // Keep any shared cache on the way from storing it, and the response cache from writing it.
          request.contextValue.state.cacheStamp = null;
          if (request.request.http?.method === "GET") throw new PatientFactorsInUrlError();
        },
        async willSendResponse(request) {
          if (hasPatientFactors(request))
            request.response.http.headers.set("cache-control", "private, no-store");
        },
      };
    },
  };
}
