export * from './suggestion.dto';
export * from './suggestions.module';
export * from './suggestions.service';
