// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PoolExitQueue} from "./PoolExitQueue.sol";

/// @notice ERC-4626 over the pool's own share accounting: limits, deposits and instant exits on the hot paths,
/// and the share balances and supply with the revenue debt they carry.
abstract contract PoolShares is PoolExitQueue {
    using SafeCast for uint256;

    /// @notice Principal: idle USDC plus capital deployed into hardware, net of repayments, write-downs and
    /// provisions for expected losses.
    function totalAssets() public view override returns (uint256) {
        (uint256 book, uint256 terms) = _poolWords();
        return _assetsIn(book, terms);
    }

    /// @dev The two pool slots every deposit and exit reads, as words: one SLOAD each, where Solidity reads a
    /// packed slot once per member. book = supply:128 | idle:72 | queueHead:48 | paused:8; terms = status:8 |
    /// depositCap:64 | minDeposit:48 | outstandingPrincipal:72 | totalProvisions:64 (the declarations' order).
    function _poolWords() private view returns (uint256 book, uint256 terms) {
        assembly ("memory-safe") {
            book := sload(_shareSupply.slot)
            terms := sload(status.slot)
        }
    }

    /// @dev idle + outstandingPrincipal - totalProvisions, from the words.
    function _assetsIn(uint256 book, uint256 terms) private pure returns (uint256) {
        return uint72(book >> 128) + uint72(terms >> 120) - uint64(terms >> 192);
    }

    function maxDeposit(address receiver) public view override returns (uint256) {
        if (paused() || status == Status.Closed || !_mayHold(receiver)) return 0;
        uint256 assets = totalAssets();
        uint256 room = assets >= depositCap ? 0 : depositCap - assets;
        // Room below the minimum deposit cannot be used: say so, as ERC-4626 asks.
        return room < _minDeposit ? 0 : room;
    }

    function maxMint(address receiver) public view override returns (uint256) {
        return convertToShares(maxDeposit(receiver));
    }

    /// @notice What `controller` can withdraw now: its filled redemptions when it has any (ERC-7540 claim),
    /// otherwise its unlocked shares up to idle liquidity, and nothing while requests wait in the queue.
    function maxWithdraw(address controller) public view override returns (uint256) {
        ExitAccount memory e = _exitsOf(controller);
        if (e.claimableShares > 0) return _claimableAssets[controller];
        if (paused() || _queueWaiting()) return 0;
        return Math.min(previewRedeem(balanceOf(controller) - e.lockedShares), idle);
    }

    function maxRedeem(address controller) public view override returns (uint256) {
        ExitAccount memory e = _exitsOf(controller);
        if (e.claimableShares > 0) return e.claimableShares;
        if (paused() || _queueWaiting()) return 0;
        return Math.min(balanceOf(controller) - e.lockedShares, _convertToShares(idle, Math.Rounding.Floor));
    }

    // Deposits and instant exits check their limits in one pass over the pool's slots (what maxDeposit and
    // maxRedeem would compute), and only compute the maximum for the error when a limit is hit (gas).

    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256 shares) {
        shares = _depositShares(receiver, assets);
        _deposit(msg.sender, receiver, assets, shares);
    }

    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256 assets) {
        assets = previewMint(shares);
        if (!_mayDeposit(receiver, totalAssets(), assets)) {
            revert ERC4626ExceededMaxMint(receiver, shares, maxMint(receiver));
        }
        _checkMinimum(assets, _minDeposit);
        _deposit(msg.sender, receiver, assets, shares);
    }

    /// @notice ERC-7540 claim of filled redemptions when `controller` has any; otherwise an instant ERC-4626 exit.
    function withdraw(uint256 assets, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 shares)
    {
        ExitAccount memory e = _exitsOf(controller);
        uint256 claimableShares = e.claimableShares;
        if (claimableShares == 0) {
            shares = previewWithdraw(assets);
            if (!_mayExitNow(controller, e, shares, assets <= idle)) {
                revert ERC4626ExceededMaxWithdraw(controller, assets, maxWithdraw(controller));
            }
            _withdraw(msg.sender, receiver, controller, assets, shares);
            return shares;
        }
        uint256 claimableAssets = _claimableAssets[controller];
        if (assets > claimableAssets) revert ExceedsClaimable(assets, claimableAssets);
        // Rounded down: the claim is all the controller's own, and rounding down never leaves assets without shares.
        shares = assets == claimableAssets ? claimableShares : Math.mulDiv(assets, claimableShares, claimableAssets);
        _claimRedemption(controller, receiver, shares, assets);
    }

    /// @notice ERC-7540 claim of filled redemptions when `controller` has any; otherwise an instant ERC-4626 exit.
    function redeem(uint256 shares, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 assets)
    {
        ExitAccount memory e = _exitsOf(controller);
        uint256 claimableShares = e.claimableShares;
        if (claimableShares == 0) {
            // What maxRedeem allows and previewRedeem pays, from one read of each pool slot: the price terms are
            // totalAssets + 1 and totalSupply + 10^12 (OpenZeppelin's virtual offset); idle × supply term < 2^201.
            (uint256 book, uint256 terms) = _poolWords();
            uint256 assetsTerm = _assetsIn(book, terms) + 1;
            uint256 sharesTerm = uint128(book) + VIRTUAL_SHARES;
            bool open = book >> 200 == 0; // queueHead and paused, the top 56 bits: nobody queued, not paused
            if (
                !open || shares > balanceOf(controller) - e.lockedShares
                    || shares > (uint72(book >> 128) * sharesTerm) / assetsTerm
            ) revert ERC4626ExceededMaxRedeem(controller, shares, maxRedeem(controller));
            // shares ≤ the owner's balance < 2^128 and the assets term < 2^73: no overflow.
            assets = (shares * assetsTerm) / sharesTerm;
            _withdraw(msg.sender, receiver, controller, assets, shares);
            return assets;
        }
        if (shares > claimableShares) revert ExceedsClaimable(shares, claimableShares);
        uint256 claimableAssets = _claimableAssets[controller];
        assets = shares == claimableShares ? claimableAssets : Math.mulDiv(shares, claimableAssets, claimableShares);
        _claimRedemption(controller, receiver, shares, assets);
    }

    /// @notice Approve (EIP-2612) and deposit in one transaction. A permit already used (front-run) is ignored
    /// when the allowance it granted is there.
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256)
    {
        try IERC20Permit(asset()).permit(msg.sender, address(this), assets, deadline, v, r, s) {} catch {}
        uint256 shares = _depositShares(receiver, assets);
        _deposit(msg.sender, receiver, assets, shares);
        return shares;
    }

    /// @dev previewDeposit, after checking what maxDeposit allows (open, allowed, under the cap) without computing
    /// it: one read of the price terms (totalAssets + 1, totalSupply + 10^12: OpenZeppelin's virtual offset).
    function _depositShares(address receiver, uint256 assets) private view returns (uint256) {
        (uint256 book, uint256 terms) = _poolWords();
        uint256 total = _assetsIn(book, terms);
        uint256 cap = uint64(terms >> 8);
        bool open = book >> 248 == 0 && Status(uint8(terms)) != Status.Closed; // not paused, not closed
        if (!open || !_mayHold(receiver) || total > cap || assets > cap - total) {
            revert ERC4626ExceededMaxDeposit(receiver, assets, maxDeposit(receiver));
        }
        _checkMinimum(assets, uint48(terms >> 72));
        // assets ≤ the cap < 2^64 and the supply term < 2^129: the product cannot overflow.
        return (assets * (uint128(book) + VIRTUAL_SHARES)) / (total + 1);
    }

    /// @dev An account's slot in one SLOAD and one SSTORE (Solidity reads and writes a packed struct member by
    /// member); the store checks the bounds that SafeCast would.
    function _loadAccount(Account storage a) private view returns (uint256 shares, bool hasExits, int256 debt) {
        assembly ("memory-safe") {
            let word := sload(a.slot)
            shares := and(word, 0xffffffffffffffffffffffffffffff)
            hasExits := and(shr(120, word), 0xff)
            debt := sar(128, word)
        }
    }

    function _storeAccount(Account storage a, uint256 shares, bool hasExits, int256 debt) private {
        if (shares > type(uint120).max) revert SafeCast.SafeCastOverflowedUintDowncast(120, shares);
        if (debt != int128(debt)) revert SafeCast.SafeCastOverflowedIntDowncast(128, debt);
        assembly ("memory-safe") {
            sstore(a.slot, or(or(shares, shl(120, hasExits)), shl(128, debt)))
        }
    }

    function _checkMinimum(uint256 assets, uint256 minimum) private pure {
        if (assets == 0) revert ZeroAmount();
        if (assets < minimum) revert BelowMinimumDeposit(assets, minimum);
    }

    /// @dev Open, allowed, and `assets` more than `total` stays under the cap.
    function _mayDeposit(address receiver, uint256 total, uint256 assets) private view returns (bool) {
        uint256 cap = depositCap;
        return !paused() && status != Status.Closed && _mayHold(receiver) && total <= cap && assets <= cap - total;
    }

    /// @dev Callers have checked the limits (_depositShares, or mint's own checks).
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        if (shares == 0) revert ZeroAmount();
        _pull(caller, assets);
        idle = (idle + assets).toUint72();
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
    }

    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        idle = uint72(idle - assets);
        super._withdraw(caller, receiver, owner, assets, shares);
    }

    /// @dev What maxWithdraw and maxRedeem allow: not paused, nobody queued ahead, unlocked shares, idle cash.
    function _mayExitNow(address owner, ExitAccount memory e, uint256 shares, bool withinIdle)
        private
        view
        returns (bool)
    {
        return withinIdle && !paused() && !_queueWaiting() && shares <= balanceOf(owner) - e.lockedShares;
    }

    /// @dev Shares carry 12 more decimals than USDC (18 in all). With the virtual shares and assets this adds, a
    /// first-depositor donation attack costs the attacker about 1e12 times what it could steal; and donations do
    /// not count toward totalAssets at all.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    /// @notice Smallest deposit, and smallest exit request short of a whole position.
    function minDeposit() public view returns (uint256) {
        return _minDeposit;
    }

    function totalSupply() public view override(ERC20, IERC20) returns (uint256) {
        return _shareSupply;
    }

    function balanceOf(address account) public view override(ERC20, IERC20) returns (uint256) {
        return _accounts[account].balance;
    }

    /// @dev Every balance change first releases the revenue stream, then moves the shares and their revenue debt
    /// together: shares leaving take their worth at today's accumulator off the debt (rounded down), shares
    /// arriving add theirs (rounded up), so what each side was owed stays and rounding never pays out more than
    /// was released. Transfers stop while paused, locked shares cannot move, and a permissioned pool's shares
    /// only go to allowlisted holders. Replaces ERC20._update: balances and supply live in this contract's slots.
    function _update(address from, address to, uint256 value) internal override {
        uint256 acc = _accrueRevenue();
        // acc < 2^128 and value < 2^128 (the supply's bound): value × acc cannot overflow.
        if (from == address(0)) {
            _shareSupply = (_shareSupply + value).toUint128();
        } else {
            if (to != address(0)) {
                _requireNotPaused();
                if (!_mayHold(to)) revert NotAllowed(to);
            }
            Account storage a = _accounts[from];
            (uint256 balance, bool hasExits, int256 debt) = _loadAccount(a);
            uint256 unlocked = hasExits ? balance - _exits[from].lockedShares : balance;
            if (value > unlocked) revert SharesLocked(from, value, unlocked);
            _storeAccount(a, balance - value, hasExits, debt - int256((value * acc) / ACC_PRECISION));
        }
        if (to == address(0)) {
            _shareSupply = uint128(_shareSupply - value);
        } else {
            Account storage a = _accounts[to];
            (uint256 balance, bool hasExits, int256 debt) = _loadAccount(a);
            _storeAccount(
                a, balance + value, hasExits, debt + int256((value * acc + ACC_PRECISION - 1) / ACC_PRECISION)
            );
        }
        emit Transfer(from, to, value);
    }
}
