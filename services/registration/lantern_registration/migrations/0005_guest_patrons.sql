-- Guests: people without a library card who sign in with a one-time code sent to their email (the edge enrols
-- them so). The flag is cleared when they link a card.
ALTER TABLE patrons ADD COLUMN guest boolean NOT NULL DEFAULT false;
