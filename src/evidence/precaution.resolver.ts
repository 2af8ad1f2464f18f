/** Precaution's links (its treatment, its factor groups) and Treatment.precautions, through the request's loaders. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Treatment } from "../catalog/treatment.type";
import type { RequestContext } from "../context";
import type { PrecautionNode, TreatmentNode } from "../graph/node.records";
import { PatientFactorGroup, Precaution } from "./precaution.type";

type StoredFactor = Record<string, unknown>;

@Resolver(() => Precaution)
export class PrecautionResolver {
  @FieldResolver(() => Treatment, { description: "The treatment or class it is filed on." })
  treatment(@Root() precaution: PrecautionNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.entityById.load(precaution.treatmentId);
  }

  @FieldResolver(() => [PatientFactorGroup], {
    description:
      "The patient factors as the source combines them: it applies when every factor of any one group holds (an OR " +
      "of AND-groups). Empty: it concerns everyone who takes the treatment.",
  })
  factorGroups(@Root() precaution: PrecautionNode): PatientFactorGroup[] {
    const groups = JSON.parse(precaution.factorGroupsJson ?? "[]") as StoredFactor[][];
    return groups.map((factors) => ({
      factors: factors.map((factor) => ({
        kind: factor.kind,
        value: factor.value ?? null,
        risk: factor.risk ?? null,
        treatmentIds: factor.treatmentIds ?? null,
        text: factor.text ?? null,
      })) as PatientFactorGroup["factors"],
    }));
  }
}

@Resolver(() => Treatment)
export class TreatmentPrecautionsResolver {
  @FieldResolver(() => [Precaution], {
    description:
      "Cited safety statements about this treatment and the classes it belongs to (class statements pass down), " +
      "boxed warnings first as the source lists them. recommendTreatments applies them to a person's factors.",
  })
  precautions(@Root() treatment: TreatmentNode, @Ctx() { loaders }: RequestContext) {
    return loaders.evidence.precautionsOfTreatment.load(treatment.id);
  }
}
