export { GoalDto, GoalLinkDto } from '@app/goal-progress';
export * from './goal-input.dto';
export * from './goals.module';
export * from './goals.service';
