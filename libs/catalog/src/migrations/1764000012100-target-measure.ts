import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Targets say whether they measure a flow (reports add up) or a stock (the latest report stands). */
export class TargetMeasure1764000012100 implements MigrationInterface {
  name = 'TargetMeasure1764000012100';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'targets',
      new TableColumn({ name: 'measure', type: 'varchar', length: '8', default: "'flow'", isNullable: false }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('targets', 'measure');
  }
}
