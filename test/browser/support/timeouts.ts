// Starting the embedded database and Chromium takes seconds; a whole user journey, a minute.
jest.setTimeout(180_000);
