// Jest reads `testTimeout` only from the top-level config; projects set theirs here.
jest.setTimeout(60_000);
