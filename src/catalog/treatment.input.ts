/** Arguments of the treatments connection: filter and order. */
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { PageArgs } from "../pagination/page.args";
import { OrderDirection } from "../pagination/order.type";

export enum TreatmentOrderField {
  NAME = "NAME",
  ID = "ID",
  INVASIVENESS = "INVASIVENESS",
}
registerEnumType(TreatmentOrderField, {
  name: "TreatmentOrderField",
  description: "What to sort treatments by.",
  valuesConfig: {
    NAME: { description: "Name." },
    ID: { description: "Id." },
    INVASIVENESS: {
      description: "Most invasive form (invasivenessMax), least invasive first when ascending.",
    },
  },
});

@InputType("TreatmentFilter", { description: "Restrict treatments; every given field must match." })
export class TreatmentFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Only treatments of this modality (e.g. modality:medications).",
  })
  modalityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only opioids; false: no opioids." })
  opioid?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "Only treatments whose most invasive form is at most this (0–3).",
  })
  maxInvasiveness?: number | null;

  @Field(() => ID, { nullable: true, description: "Only treatments this discipline or profession delivers." })
  deliveredBy?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only treatments some guideline recommends FOR this condition.",
  })
  recommendedFor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Text found in the name or an alias (case-insensitive).",
  })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only classes; false: only single treatments." })
  isClass?: boolean | null;
}

@InputType("TreatmentOrder", { description: "How to sort treatments." })
export class TreatmentOrder {
  @Field(() => TreatmentOrderField, {
    defaultValue: TreatmentOrderField.NAME,
    description: "Sort key; ties break by id.",
  })
  field!: TreatmentOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Sort direction." })
  direction!: OrderDirection;
}

@ArgsType()
export class TreatmentsArgs extends PageArgs {
  @Field(() => TreatmentFilter, { nullable: true, description: "Restrict the treatments." })
  filter?: TreatmentFilter | null;

  @Field(() => TreatmentOrder, { nullable: true, description: "Sort order; by name ascending when omitted." })
  orderBy?: TreatmentOrder | null;
}
