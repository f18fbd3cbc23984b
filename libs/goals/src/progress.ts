// Goal progress without goals CRUD: what the habit write paths import (no cycle with habits).
export * from './goal-progress.module';
export * from './goal-progress.service';
export * from './goal.dto';
